import { simulateHistory } from "~/analytics/history.server";
import { seededRandom } from "~/engine/random";
import { pinVersion } from "~/attempts/version.server";
import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { getLibrary } from "~/library/catalog.server";
import { insertHistoricAttempts } from "~/models/seed.server";
import { rebuildGames } from "~/game/progress.server";
import { countUsers } from "~/models/user.server";
import { seedDemoOutcomes } from "~/outcomes/demo-outcomes.server";
import { createAccount, findOrCreateTeam } from "./accounts.server";

/** Past practice for the demo (see seedDemoHistory): how many conversations and how good. */
type DemoPractice = { attempts: number; skillAtStart: number; growth: number; rushed?: number };
type DemoAccount = { email: string; password: string; displayName: string; role: Role; team?: string; practice?: DemoPractice };

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
  { email: "priya@frontline.test", password: "frontline-trainee", displayName: "Priya Shah", role: "trainee", team: SUPPORT_DESK, practice: { attempts: 14, skillAtStart: 0.5, growth: 0.4 } },
  { email: "jonas@frontline.test", password: "frontline-trainee", displayName: "Jonas Weber", role: "trainee", team: SUPPORT_DESK, practice: { attempts: 9, skillAtStart: 0.25, growth: 0.2, rushed: 1 } },
  { email: "lucia@frontline.test", password: "frontline-trainee", displayName: "Lucía Gómez", role: "trainee", team: SUPPORT_DESK, practice: { attempts: 6, skillAtStart: 0.75, growth: 0.1 } },
  { email: "kasia@frontline.test", password: "frontline-trainee", displayName: "Kasia Zielińska", role: "trainee", team: RETURNS, practice: { attempts: 11, skillAtStart: 0.45, growth: 0.3 } },
  { email: "omar@frontline.test", password: "frontline-trainee", displayName: "Omar Haddad", role: "trainee", team: RETURNS, practice: { attempts: 7, skillAtStart: 0.2, growth: 0.45 } },
  { email: "emma@frontline.test", password: "frontline-trainee", displayName: "Emma Clarke", role: "trainee", team: RETURNS, practice: { attempts: 4, skillAtStart: 0.6, growth: 0.05 } },
];

const DEMO_ACCOUNTS = [...DEMO_SIGN_INS, ...OTHER_DEMO_ACCOUNTS];
/** Every demo trainee, practising or not: all of them answer the demo helpdesk's customers. */
export const DEMO_TRAINEE_EMAILS: readonly string[] = DEMO_ACCOUNTS.filter((account) => account.role === "trainee").map((account) => account.email);

/**
 * Seeds the demo organisation into an empty database. Never call it in production mode:
 * the caller (start-up) decides, so no code path can create demo accounts there by accident.
 * On a database that has users already, it only adds the demo's helpdesk outcomes when they are
 * missing (a demo made before outcomes existed, or a first start stopped before they were in).
 */
export async function seedDemoOrganisation(): Promise<boolean> {
  if ((await countUsers()) > 0) {
    await seedOutcomes();
    return false;
  }
  // One hash per distinct demo password: scrypt at full strength costs ~0.3 s each.
  const passwords = [...new Set(DEMO_ACCOUNTS.map((account) => account.password))];
  const hashes = new Map(await Promise.all(passwords.map(async (p) => [p, await hashPassword(p)] as const)));
  const practising: { userId: number; practice: DemoPractice }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const team = account.team ? await findOrCreateTeam(account.team) : null;
    const userId = await createAccount(
      { email: account.email, displayName: account.displayName, role: account.role, teamId: team?.id ?? null, password: account.password },
      hashes.get(account.password),
    );
    if (account.practice) practising.push({ userId, practice: account.practice });
  }
  // The accounts are what the demo needs; a history that cannot be made only costs the charts.
  await seedDemoHistory(practising).catch((error: unknown) => {
    console.warn(`The demo trainees' practice history was not created: ${error instanceof Error ? error.message : String(error)}`);
  });
  await seedOutcomes();
  return true;
}

/** The helpdesk outcomes follow the history's dates; like the history, only the outcomes page misses them if they fail. */
async function seedOutcomes(): Promise<void> {
  await seedDemoOutcomes(DEMO_TRAINEE_EMAILS).catch((error: unknown) => {
    console.warn(`The demo's helpdesk outcomes were not imported: ${error instanceof Error ? error.message : String(error)}`);
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEMO_HISTORY_DAYS = 60;

/**
 * The other demo trainees' last two months of practice, played through the real scenarios, so the
 * manager pages have something to show. The listed demo trainee starts with none: their first
 * conversation is the one you play.
 */
async function seedDemoHistory(practising: readonly { userId: number; practice: DemoPractice }[]): Promise<void> {
  const library = await getLibrary();
  if (library.scenarios.length === 0) return;
  const versions = await Promise.all(library.scenarios.map((entry) => pinVersion(entry)));
  const random = seededRandom(2026);
  const now = Date.now();
  const window = { from: now - DEMO_HISTORY_DAYS * DAY_MS, to: now - DAY_MS };
  await insertHistoricAttempts(practising.flatMap(({ userId, practice }) => simulateHistory({ userId, ...practice }, versions, window, random)));
  await rebuildGames(practising.map(({ userId }) => userId));
}
