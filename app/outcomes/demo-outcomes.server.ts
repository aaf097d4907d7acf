import fs from "node:fs";
import path from "node:path";
import { databasePath } from "#db/paths.server";
import { listAttemptsOfUser } from "~/models/attempt.server";
import { systemImportExists } from "~/models/outcome-import.server";
import { findUserByEmail } from "~/models/user.server";
import { commitCsvImport } from "./csv-import.server";
import type { CommitResult } from "./ingest.server";
import {
  HELPDESK_LEAD_IN_MS,
  helpdeskCsv,
  overallMasteryTimeline,
  synthesiseHelpdeskTickets,
  UNKNOWN_HELPDESK_AGENT,
  type HelpdeskAgent,
  type HelpdeskOptions,
} from "./synthetic-helpdesk";

/**
 * The label of the demo's helpdesk import: the one an upload of the template gets by default, so
 * a trainer who uploads the demo's file by hand sees "nothing to import" instead of every ticket
 * counted twice under another label.
 */
export const DEMO_HELPDESK_SOURCE = "helpdesk";
/** Written next to the database, so a trainer can upload the same file by hand. */
export const DEMO_EXPORT_FILE = "demo-helpdesk-export.csv";
const DEMO_SEED = 2026;
// Seven agents over two months: enough tickets for the page to show something for each, while the
// first start stays quick. The demo's verdicts are mostly "too early", as a team of seven's would be.
const DEMO_TICKETS_PER_WEEK = { min: 6, max: 16 };

/** The file a synthetic export is written to: beside the database, so each DATABASE_PATH has its own. */
export function exportPathBesideDatabase(fileName: string): string {
  return path.join(path.dirname(databasePath()), fileName);
}

/**
 * Generates a synthetic helpdesk export, writes it to `file`, and imports it through the same
 * path as an upload (the generic template, 1–5 ratings, for the whole organisation). Resolves
 * when the last row is written; null when the import would change nothing.
 */
export async function importSyntheticHelpdesk(
  agents: readonly HelpdeskAgent[],
  options: HelpdeskOptions & { source: string; file: string },
): Promise<{ tickets: number; written: CommitResult | null }> {
  const tickets = synthesiseHelpdeskTickets(agents, options);
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  fs.writeFileSync(options.file, helpdeskCsv(tickets));
  const commit = await commitCsvImport({
    file: options.file,
    fileName: path.basename(options.file),
    format: "generic",
    scale: "1-5",
    source: options.source,
    scope: null,
    userId: null,
  });
  if (!commit.ok) {
    if (commit.preview.ok) return { tickets: tickets.length, written: null };
    throw new Error(`the synthetic helpdesk export could not be read: ${commit.preview.error}`);
  }
  return { tickets: tickets.length, written: await commit.written };
}

/**
 * Whether the demo's import was already made. An undone one counts (a trainer took it away on
 * purpose); one that failed part-way (a stop during the first start) is made again.
 */
async function demoImportMade(): Promise<boolean> {
  return systemImportExists(DEMO_HELPDESK_SOURCE, DEMO_EXPORT_FILE);
}

/**
 * The demo trainees' helpdesk outcomes, generated from their practice history in the database so
 * that ticket dates and mastery line up (from four weeks before the first practice to the last),
 * then imported like an upload. Does nothing when the demo
 * import exists, when none of `traineeEmails` is a user (not the demo's database), or when there is
 * no practice to line up with. Returns whether it imported.
 */
export async function seedDemoOutcomes(traineeEmails: readonly string[]): Promise<boolean> {
  if (await demoImportMade()) return false;
  const agents: HelpdeskAgent[] = [];
  let from = Infinity;
  let to = -Infinity;
  for (const email of traineeEmails) {
    const user = await findUserByEmail(email);
    if (!user) continue;
    const finished = (await listAttemptsOfUser(user.id)).flatMap((attempt) =>
      attempt.status === "completed" && attempt.endedAt ? [{ startedAt: attempt.startedAt, endedAt: attempt.endedAt, scores: attempt.scores }] : [],
    );
    for (const attempt of finished) {
      from = Math.min(from, Date.parse(attempt.startedAt));
      to = Math.max(to, Date.parse(attempt.endedAt));
    }
    // A trainee without practice still answers customers: their tickets simply follow no mastery.
    if (user.email) agents.push({ email: user.email, timeline: overallMasteryTimeline(finished) });
  }
  if (agents.length === 0 || !(from < to)) return false;
  const { written } = await importSyntheticHelpdesk(agents, {
    from: from - HELPDESK_LEAD_IN_MS,
    to: to + 1,
    seed: DEMO_SEED,
    ticketsPerWeek: DEMO_TICKETS_PER_WEEK,
    unknownAgent: UNKNOWN_HELPDESK_AGENT,
    source: DEMO_HELPDESK_SOURCE,
    file: exportPathBesideDatabase(DEMO_EXPORT_FILE),
  });
  return written !== null;
}
