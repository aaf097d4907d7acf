import { getDb } from "#db/db.server";
import { matchAgents, type AgentMatch } from "~/models/helpdesk-agent.server";
import { currentTickets, writeTicketVersions, type CurrentTicket, type TicketVersion } from "~/models/helpdesk-ticket.server";
import { finishImport, insertImport, setImportProgress, type ImportCounts, type NewImport } from "~/models/outcome-import.server";
import { refuse, SAMPLE_LIMIT, settleDates, type Plan, type Planned } from "./plan";
import type { OutcomeInput } from "./row";

/**
 * From a plan to stored outcomes: who the agents are, how each row compares with what is stored,
 * and the writing itself. The preview and the commit share every rule here; the commit decides
 * again inside each batch's transaction, so a preview gone stale cannot write a wrong row.
 */

/** The teams an import may touch; null is the whole organisation (an admin or an API token). */
export type ImportScope = readonly number[] | null;

export type Decision = "add" | "replace" | "unchanged" | "older";
export type Replacement = { line: number; ticketId: string; storedAt: string; storedImportId: number; newAt: string };

export type Judged = {
  plan: Plan;
  agentsMatched: number;
  unknownAgents: { key: string; rows: number }[];
  unknownAgentCount: number;
  counts: Record<Decision, number>;
  /** What each kept ticket would come to, by ticket id (the commit decides again as it writes). */
  decisions: Map<string, Decision>;
  replacements: Replacement[];
  older: Replacement[];
  /** The rows to write, with their user (null while the agent is unknown). */
  rows: { planned: Planned; userId: number | null }[];
};

function decide(outcome: OutcomeInput, current: CurrentTicket | undefined): Decision {
  if (!current) return "add";
  const same =
    current.agent_key === outcome.agentKey &&
    current.ticket_at === outcome.ticketAt &&
    current.rating_raw === outcome.ratingRaw &&
    current.scale === outcome.scale &&
    current.solved_first_contact === outcome.solvedFirstContact &&
    current.reopened === outcome.reopened &&
    current.channel === outcome.channel;
  if (same) return "unchanged";
  // The newest ticket time wins; on a tie the later import does.
  return outcome.ticketAt < current.ticket_at ? "older" : "replace";
}

// The agent's own team, not a course they launched from: an import writes helpdesk history for the whole person.
function agentRefusal(match: AgentMatch | undefined, scope: ImportScope, key: string): string | null {
  if (scope === null || !match) return null;
  return match.team_id !== null && scope.includes(match.team_id) ? null : `agent_email "${key}" is not in a team you manage`;
}

/** Matches agents and compares every planned row with the stored tickets of the same source. */
export async function judgePlan(plan: Plan, source: string, scope: ImportScope): Promise<Judged> {
  const winners = [...plan.winners.values()];
  const keys = [...new Set(winners.map((w) => w.outcome.agentKey))];
  const matches = await matchAgents(keys);
  const rowsOfUnknown = new Map<string, number>();
  const rows: Judged["rows"] = [];
  for (const planned of winners) {
    const key = planned.outcome.agentKey;
    const match = matches.get(key);
    const refusal = agentRefusal(match, scope, key);
    if (refusal) {
      refuse(plan, planned.line, refusal);
      plan.winners.delete(planned.outcome.ticketId);
      continue;
    }
    if (!match) rowsOfUnknown.set(key, (rowsOfUnknown.get(key) ?? 0) + 1);
    rows.push({ planned, userId: match?.user_id ?? null });
  }
  settleDates(plan);
  const current = new Map((await currentTickets(source, rows.map((r) => r.planned.outcome.ticketId))).map((row) => [row.ticket_id, row]));
  const counts: Record<Decision, number> = { add: 0, replace: 0, unchanged: 0, older: 0 };
  const replacements: Replacement[] = [];
  const older: Replacement[] = [];
  const decisions = new Map<string, Decision>();
  for (const { planned } of rows) {
    const stored = current.get(planned.outcome.ticketId);
    const decision = decide(planned.outcome, stored);
    decisions.set(planned.outcome.ticketId, decision);
    counts[decision]++;
    const list = decision === "replace" ? replacements : decision === "older" ? older : null;
    if (list && stored && list.length < SAMPLE_LIMIT) {
      list.push({ line: planned.line, ticketId: planned.outcome.ticketId, storedAt: stored.ticket_at, storedImportId: stored.import_id, newAt: planned.outcome.ticketAt });
    }
  }
  const unknown = [...rowsOfUnknown].map(([key, count]) => ({ key, rows: count })).sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key));
  return {
    plan,
    agentsMatched: keys.filter((key) => matches.has(key) && !agentRefusal(matches.get(key), scope, key)).length,
    unknownAgents: unknown.slice(0, 50),
    unknownAgentCount: unknown.length,
    counts,
    decisions,
    replacements,
    older,
    rows,
  };
}

/** Nothing to write: every row is already stored as it is, or older than what is. */
export const changesNothing = (judged: Judged) => judged.counts.add + judged.counts.replace === 0;

const BATCH = 1000;

export type Progress = { done: number; total: number };

const versionOf = (outcome: OutcomeInput, userId: number | null): TicketVersion => ({
  ticketId: outcome.ticketId,
  agentKey: outcome.agentKey,
  userId,
  ticketAt: outcome.ticketAt,
  ratingRaw: outcome.ratingRaw,
  scale: outcome.scale,
  rating: outcome.rating,
  satisfied: outcome.satisfied,
  solvedFirstContact: outcome.solvedFirstContact,
  reopened: outcome.reopened,
  channel: outcome.channel,
});

export type CommitResult = { importId: number; counts: ImportCounts; decisions: Map<string, Decision> };

/** Creates the import record; its rows are written by writeImport (separately, so a page can follow along). */
export async function beginImport(record: NewImport): Promise<number> {
  const db = await getDb();
  return db.write((tx) => insertImport(tx, record));
}

/**
 * Writes a judged plan in batches of a thousand rows, one transaction each, so a big file never
 * holds the single writer for long; then marks the import committed with its counts.
 */
export async function writeImport(importId: number, judged: Judged, source: string): Promise<CommitResult> {
  const db = await getDb();
  const decisions = new Map<string, Decision>();
  const counts: Record<Decision, number> = { add: 0, replace: 0, unchanged: 0, older: 0 };
  // The progress is stored with each batch, so that any server process can show it.
  await db.write((tx) => setImportProgress(tx, importId, 0, judged.rows.length));
  for (let i = 0; i < judged.rows.length; i += BATCH) {
    const batch = judged.rows.slice(i, i + BATCH);
    await db.write(async (tx) => {
      const stored = new Map((await currentTickets(source, batch.map((r) => r.planned.outcome.ticketId), tx)).map((row) => [row.ticket_id, row]));
      const versions: TicketVersion[] = [];
      const replacing: string[] = [];
      for (const { planned, userId } of batch) {
        const decision = decide(planned.outcome, stored.get(planned.outcome.ticketId));
        decisions.set(planned.outcome.ticketId, decision);
        counts[decision]++;
        if (decision === "replace") replacing.push(planned.outcome.ticketId);
        if (decision === "add" || decision === "replace") versions.push(versionOf(planned.outcome, userId));
      }
      await writeTicketVersions(tx, importId, source, versions, replacing);
      await setImportProgress(tx, importId, Math.min(i + BATCH, judged.rows.length), judged.rows.length);
    });
  }
  const plan = judged.plan;
  const finalCounts: ImportCounts = {
    rowsRead: plan.rowsRead,
    rowsAdded: counts.add,
    rowsReplacing: counts.replace,
    rowsUnchanged: counts.unchanged + counts.older + plan.repeatCount,
    rowsRefused: plan.refusedCount,
    agentsMatched: judged.agentsMatched,
    agentsUnknown: judged.unknownAgentCount,
    dateFrom: plan.dateFrom,
    dateTo: plan.dateTo,
  };
  await db.write((tx) => finishImport(tx, importId, finalCounts));
  return { importId, counts: finalCounts, decisions };
}
