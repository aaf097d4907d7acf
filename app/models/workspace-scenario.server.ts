import * as z from "zod";
import { getDb } from "#db/db.server";
import { bumpLibraryGeneration, insertAuditEntry, type WorkspaceAction } from "./scenario-id.server";
import { isoNow } from "./time.server";

/** Scenarios written in the browser: drafts, versions and the published one (migration 0007). */

const SummaryRow = z.object({
  scenario_id: z.string(),
  created_at: z.string(),
  published_version: z.number().nullable(),
  archived_at: z.string().nullable(),
  revision: z.number(),
  saved_at: z.string(),
  saved_by_name: z.string().nullable(),
  latest_version: z.number().nullable(),
  draft_source: z.string(),
});

export type WorkspaceScenarioRecord = {
  scenarioId: string;
  createdAt: string;
  publishedVersion: number | null;
  archivedAt: string | null;
  latestVersion: number | null;
  draft: { source: string; revision: number; savedAt: string; savedByName: string | null };
};

const SUMMARY = `SELECT w.scenario_id, w.created_at, w.published_version, i.archived_at, d.revision, d.saved_at, u.display_name AS saved_by_name,
                        (SELECT MAX(v.number) FROM workspace_versions v WHERE v.scenario_id = w.scenario_id) AS latest_version,
                        d.source AS draft_source
                   FROM workspace_scenarios w
                   JOIN scenario_ids i ON i.scenario_id = w.scenario_id
                   JOIN workspace_drafts d ON d.scenario_id = w.scenario_id
                   LEFT JOIN users u ON u.id = d.saved_by`;

function toRecord(row: z.output<typeof SummaryRow>): WorkspaceScenarioRecord {
  return {
    scenarioId: row.scenario_id,
    createdAt: row.created_at,
    publishedVersion: row.published_version,
    archivedAt: row.archived_at,
    latestVersion: row.latest_version,
    draft: { source: row.draft_source, revision: row.revision, savedAt: row.saved_at, savedByName: row.saved_by_name },
  };
}

export async function findWorkspaceScenario(scenarioId: string): Promise<WorkspaceScenarioRecord | null> {
  const db = await getDb();
  const row = await db.get(SummaryRow, `${SUMMARY} WHERE w.scenario_id = ?`, [scenarioId]);
  return row ? toRecord(row) : null;
}

export async function listWorkspaceScenarios(): Promise<WorkspaceScenarioRecord[]> {
  const db = await getDb();
  const rows = await db.all(SummaryRow, `${SUMMARY} ORDER BY w.scenario_id`);
  return rows.map(toRecord);
}

/**
 * Creates a workspace scenario with its first draft and log entry. False when the id already
 * belongs to another scenario (a file or the workspace), in which case nothing is stored.
 */
export async function insertWorkspaceScenario(input: {
  scenarioId: string;
  source: string;
  actor: number;
  action: Extract<WorkspaceAction, "create" | "duplicate" | "import">;
  detail: string | null;
  at: Date;
}): Promise<boolean> {
  const db = await getDb();
  const at = isoNow(input.at);
  return db.write(async (tx) => {
    const claimed = await tx.run("INSERT OR IGNORE INTO scenario_ids (scenario_id, owner, first_seen_at) VALUES (?, 'workspace', ?)", [input.scenarioId, at]);
    if (claimed.changes === 0) return false;
    await tx.run("INSERT INTO workspace_scenarios (scenario_id, created_by, created_at) VALUES (?, ?, ?)", [input.scenarioId, input.actor, at]);
    await tx.run("INSERT INTO workspace_drafts (scenario_id, source, revision, saved_by, saved_at) VALUES (?, ?, 1, ?, ?)", [input.scenarioId, input.source, input.actor, at]);
    await insertAuditEntry(tx, { actor: input.actor, action: input.action, scenarioId: input.scenarioId, detail: input.detail, at: input.at });
    return true;
  });
}

export type DraftWrite = { status: "saved"; revision: number } | { status: "conflict"; revision: number; savedByName: string | null; savedAt: string } | { status: "rate-limited" };

/**
 * Replaces the draft when it is still at `baseRevision`, counting the save against the trainer's
 * limit per minute in the same transaction. A different revision is a conflict: nothing changes.
 */
export async function writeDraft(input: { scenarioId: string; source: string; baseRevision: number; actor: number; savesPerMinute: number; at: Date }): Promise<DraftWrite> {
  const db = await getDb();
  const minute = isoNow(input.at).slice(0, 16);
  return db.write(async (tx) => {
    const count = await tx.get(z.object({ saves: z.number() }), "SELECT saves FROM workspace_save_counts WHERE user_id = ? AND minute = ?", [input.actor, minute]);
    if ((count?.saves ?? 0) >= input.savesPerMinute) return { status: "rate-limited" };
    await tx.run(
      `INSERT INTO workspace_save_counts (user_id, minute, saves) VALUES (?, ?, 1)
       ON CONFLICT (user_id, minute) DO UPDATE SET saves = saves + 1`,
      [input.actor, minute],
    );
    await tx.run("DELETE FROM workspace_save_counts WHERE user_id = ? AND minute < ?", [input.actor, minute]);
    const updated = await tx.run(
      "UPDATE workspace_drafts SET source = ?, revision = revision + 1, saved_by = ?, saved_at = ? WHERE scenario_id = ? AND revision = ?",
      [input.source, input.actor, isoNow(input.at), input.scenarioId, input.baseRevision],
    );
    const current = await tx.get(
      z.object({ revision: z.number(), saved_at: z.string(), saved_by_name: z.string().nullable() }),
      "SELECT d.revision, d.saved_at, u.display_name AS saved_by_name FROM workspace_drafts d LEFT JOIN users u ON u.id = d.saved_by WHERE d.scenario_id = ?",
      [input.scenarioId],
    );
    if (!current) throw new Error(`no draft for workspace scenario "${input.scenarioId}"`);
    return updated.changes === 1
      ? { status: "saved", revision: current.revision }
      : { status: "conflict", revision: current.revision, savedByName: current.saved_by_name, savedAt: current.saved_at };
  });
}

/**
 * Adds a version (Save, Publish or Roll back) and, when `publish`, makes it the one trainees get
 * and bumps the library's generation, all in one transaction. Returns the new version's number.
 */
export async function insertWorkspaceVersion(input: {
  scenarioId: string;
  source: string;
  hash: string;
  actor: number;
  note: string | null;
  publish: boolean;
  action: Extract<WorkspaceAction, "save" | "publish" | "rollback">;
  detail: string | null;
  at: Date;
}): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => {
    const latest = await tx.get(z.object({ latest: z.number().nullable() }), "SELECT MAX(number) AS latest FROM workspace_versions WHERE scenario_id = ?", [input.scenarioId]);
    const number = (latest?.latest ?? 0) + 1;
    await tx.run("INSERT INTO workspace_versions (scenario_id, number, source, hash, author, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)", [
      input.scenarioId,
      number,
      input.source,
      input.hash,
      input.actor,
      isoNow(input.at),
      input.note,
    ]);
    if (input.publish) {
      await tx.run("UPDATE workspace_scenarios SET published_version = ? WHERE scenario_id = ?", [number, input.scenarioId]);
      await bumpLibraryGeneration(tx);
    }
    await insertAuditEntry(tx, { actor: input.actor, action: input.action, scenarioId: input.scenarioId, version: number, detail: input.detail, at: input.at });
    return number;
  });
}

/** Publishes an existing version (its source is already the newest version's). */
export async function publishExistingVersion(input: { scenarioId: string; number: number; actor: number; at: Date }): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    await tx.run("UPDATE workspace_scenarios SET published_version = ? WHERE scenario_id = ?", [input.number, input.scenarioId]);
    await bumpLibraryGeneration(tx);
    await insertAuditEntry(tx, { actor: input.actor, action: "publish", scenarioId: input.scenarioId, version: input.number, at: input.at });
  });
}

const VersionRow = z.object({
  number: z.number(),
  hash: z.string(),
  author_name: z.string().nullable(),
  created_at: z.string(),
  note: z.string().nullable(),
});

export type WorkspaceVersionRecord = { number: number; hash: string; authorName: string | null; createdAt: string; note: string | null };

/** Newest first. */
export async function listWorkspaceVersions(scenarioId: string): Promise<WorkspaceVersionRecord[]> {
  const db = await getDb();
  const rows = await db.all(
    VersionRow,
    `SELECT v.number, v.hash, u.display_name AS author_name, v.created_at, v.note
       FROM workspace_versions v LEFT JOIN users u ON u.id = v.author
      WHERE v.scenario_id = ? ORDER BY v.number DESC`,
    [scenarioId],
  );
  return rows.map((row) => ({ number: row.number, hash: row.hash, authorName: row.author_name, createdAt: row.created_at, note: row.note }));
}

export async function findWorkspaceVersionSource(scenarioId: string, number: number): Promise<{ source: string; hash: string } | null> {
  const db = await getDb();
  const row = await db.get(z.object({ source: z.string(), hash: z.string() }), "SELECT source, hash FROM workspace_versions WHERE scenario_id = ? AND number = ?", [
    scenarioId,
    number,
  ]);
  return row ?? null;
}

const PublishedRow = z.object({ scenario_id: z.string(), number: z.number(), source: z.string(), hash: z.string(), archived_at: z.string().nullable() });

/** The published version of every workspace scenario, for the library. */
export async function listPublishedWorkspaceVersions(): Promise<{ scenarioId: string; number: number; source: string; hash: string; archived: boolean }[]> {
  const db = await getDb();
  const rows = await db.all(
    PublishedRow,
    `SELECT w.scenario_id, v.number, v.source, v.hash, i.archived_at
       FROM workspace_scenarios w
       JOIN workspace_versions v ON v.scenario_id = w.scenario_id AND v.number = w.published_version
       JOIN scenario_ids i ON i.scenario_id = w.scenario_id
      ORDER BY w.scenario_id`,
  );
  return rows.map((row) => ({ scenarioId: row.scenario_id, number: row.number, source: row.source, hash: row.hash, archived: row.archived_at !== null }));
}
