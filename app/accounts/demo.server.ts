import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { countUsers } from "~/models/user.server";
import { createAccount, findOrCreateTeam } from "./accounts.server";

type DemoAccount = { email: string; password: string; displayName: string; role: Role; team?: string };

const SUPPORT_DESK = "Support Desk";
const RETURNS = "Returns & Repairs";

/** The sign-ins the README lists; start-up prints them too. */
export const DEMO_SIGN_INS: readonly DemoAccount[] = [
  { email: "admin@frontline.test", password: "frontline-admin", displayName: "Alex Rivera", role: "admin" },
  { email: "trainer@frontline.test", password: "frontline-trainer", displayName: "Sofía Martín", role: "trainer" },
  { email: "manager@frontline.test", password: "frontline-manager", displayName: "Maya Okafor", role: "manager", team: SUPPORT_DESK },
  { email: "trainee@frontline.test", password: "frontline-trainee", displayName: "Sam Taylor", role: "trainee", team: SUPPORT_DESK },
];

const OTHER_DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "manager2@frontline.test", password: "frontline-manager", displayName: "Tomasz Nowak", role: "manager", team: RETURNS },
  { email: "priya@frontline.test", password: "frontline-trainee", displayName: "Priya Shah", role: "trainee", team: SUPPORT_DESK },
  { email: "jonas@frontline.test", password: "frontline-trainee", displayName: "Jonas Weber", role: "trainee", team: SUPPORT_DESK },
  { email: "lucia@frontline.test", password: "frontline-trainee", displayName: "Lucía Gómez", role: "trainee", team: SUPPORT_DESK },
  { email: "kasia@frontline.test", password: "frontline-trainee", displayName: "Kasia Zielińska", role: "trainee", team: RETURNS },
  { email: "omar@frontline.test", password: "frontline-trainee", displayName: "Omar Haddad", role: "trainee", team: RETURNS },
  { email: "emma@frontline.test", password: "frontline-trainee", displayName: "Emma Clarke", role: "trainee", team: RETURNS },
];

/**
 * Seeds the demo organisation into an empty database. Never call it in production mode:
 * the caller (start-up) decides, so no code path can create demo accounts there by accident.
 */
export async function seedDemoOrganisation(): Promise<boolean> {
  if ((await countUsers()) > 0) return false;
  const accounts = [...DEMO_SIGN_INS, ...OTHER_DEMO_ACCOUNTS];
  // One hash per distinct demo password: scrypt at full strength costs ~0.3 s each.
  const passwords = [...new Set(accounts.map((account) => account.password))];
  const hashes = new Map(await Promise.all(passwords.map(async (p) => [p, await hashPassword(p)] as const)));
  for (const account of accounts) {
    const team = account.team ? await findOrCreateTeam(account.team) : null;
    await createAccount(
      { email: account.email, displayName: account.displayName, role: account.role, teamId: team?.id ?? null, password: account.password },
      hashes.get(account.password),
    );
  }
  return true;
}
