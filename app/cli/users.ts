import { parseArgs } from "node:util";
import * as z from "zod";
import { openMigratedDb } from "#db/db.server";
import { DisplayName, Email, NewPassword, RoleSchema, TeamName } from "~/accounts/account-input";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { errorText } from "~/accounts/validation-messages";
import { generatePassword } from "~/auth/password.server";
import { fallbackLanguage } from "~/i18n/config";
// Registers every feature's copy for the translator (it starts from the core only).
import "~/i18n/resources";
import { translatorFor } from "~/i18n/translate";
import { EmailTakenError, findUserByEmail, listUsers, setUserActive } from "~/models/user.server";
import { runCli, UsageError } from "./run-cli";

const USAGE = `usage:
  npm run users -- add --email <email> --name <name> --role <trainee|trainer|manager|admin> [--team <team name>]
      The password is read from standard input (first line) when it is piped in;
      otherwise a strong one is generated and printed once.
  npm run users -- list
  npm run users -- disable --email <email>
  npm run users -- enable --email <email>`;

const AddArgs = z.object({ email: Email, name: DisplayName, role: RoleSchema, team: TeamName.optional() });

const t = translatorFor(fallbackLanguage);
const firstMessage = (error: z.ZodError) => errorText(t, error.issues[0]?.message ?? error.message);

function firstError(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `--${issue.path.join(".")}: ${firstMessage(error)}` : error.message;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function add(values: Record<string, unknown>) {
  const parsed = AddArgs.safeParse(values);
  if (!parsed.success) throw new UsageError(`${firstError(parsed.error)}\n${USAGE}`);
  const { email, name, role, team } = parsed.data;

  const piped = (await readStdin()).split(/\r?\n/)[0] ?? "";
  const password = piped || generatePassword();
  const checked = NewPassword.safeParse(password);
  if (!checked.success) throw new UsageError(`the password from standard input: ${firstMessage(checked.error)}`);

  const teamRow = team ? await findOrCreateTeam(team) : null;
  try {
    await createAccount({ email, displayName: name, role, teamId: teamRow?.id ?? null, password });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new UsageError(error.message);
    throw error;
  }
  console.log(`Created ${role} ${name} <${email}>${teamRow ? ` in team "${teamRow.name}"` : ""}.`);
  if (!piped) console.log(`Generated password (shown once): ${password}`);
}

async function setActive(values: Record<string, unknown>, active: boolean) {
  const email = Email.safeParse(values.email);
  if (!email.success) throw new UsageError(`--email: ${firstMessage(email.error)}\n${USAGE}`);
  const user = await findUserByEmail(email.data);
  if (!user) throw new UsageError(`no user has the email ${email.data}`);
  await setUserActive(user.id, active);
  console.log(`${active ? "Re-enabled" : "Disabled"} ${user.displayName} <${user.email}>.`);
}

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, team: { type: "string" } },
  });
  const command = positionals[0];
  if (positionals.length !== 1) throw new UsageError(USAGE);
  await openMigratedDb();
  switch (command) {
    case "add":
      return add(values);
    case "disable":
      return setActive(values, false);
    case "enable":
      return setActive(values, true);
    case "list": {
      for (const user of await listUsers()) {
        console.log([user.email ?? "(launched, no email)", user.displayName, user.role, user.teamName ?? "-", user.active ? "active" : "disabled"].join("\t"));
      }
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
});
