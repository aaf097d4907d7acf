import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** Who first used each scenario id, and whether it is archived (migration 0007). */

const ScenarioIdRow = z.object({
  scenario_id: z.string(),
  owner: z.enum(["file", "workspace"]),
  path: z.string().nullable(),
  archived_at: z.string().nullable(),
});

export type ScenarioIdRecord = { scenarioId: string; owner: "file" | "workspace"; path: string | null; archivedAt: string | null };

export async function listScenarioIds(): Promise<ScenarioIdRecord[]> {
  const db = await getDb();
  const rows = await db.all(ScenarioIdRow, "SELECT scenario_id, owner, path, archived_at FROM scenario_ids");
  return rows.map((row) => ({ scenarioId: row.scenario_id, owner: row.owner, path: row.path, archivedAt: row.archived_at }));
}

/**
 * Records the files' ids that nobody owns yet, and hands an id owned by a file that is gone to
 * the file now claiming it. `claims` come in path order, so on a fresh database the first path wins.
 */
export async function claimFileScenarioIds(claims: readonly { scenarioId: string; path: string }[], goneOwners: ReadonlySet<string>, at: Date = new Date()) {
  if (claims.length === 0) return;
  const db = await getDb();
  await db.write(async (tx) => {
    for (const claim of claims) {
      await tx.run("INSERT OR IGNORE INTO scenario_ids (scenario_id, owner, path, first_seen_at) VALUES (?, 'file', ?, ?)", [claim.scenarioId, claim.path, isoNow(at)]);
      if (goneOwners.has(claim.scenarioId)) {
        await tx.run("UPDATE scenario_ids SET path = ? WHERE scenario_id = ? AND owner = 'file'", [claim.path, claim.scenarioId]);
      }
    }
  });
}

/** The counter every publish, roll back, archive and unarchive bumps (see library_generation). */
export async function libraryGeneration(): Promise<number> {
  const db = await getDb();
  const row = await db.get(z.object({ generation: z.number() }), "SELECT generation FROM library_generation WHERE id = 1");
  return row?.generation ?? 0;
}

export async function bumpLibraryGeneration(tx: WriteTx): Promise<void> {
  await tx.run("UPDATE library_generation SET generation = generation + 1 WHERE id = 1");
}

export type WorkspaceAction = "create" | "duplicate" | "import" | "save" | "publish" | "rollback" | "archive" | "unarchive";

export async function insertAuditEntry(
  tx: WriteTx,
  entry: { actor: number | null; action: WorkspaceAction; scenarioId: string; version?: number | null; detail?: string | null; at: Date },
): Promise<void> {
  await tx.run("INSERT INTO workspace_audit (at, actor, action, scenario_id, version, detail) VALUES (?, ?, ?, ?, ?, ?)", [
    isoNow(entry.at),
    entry.actor,
    entry.action,
    entry.scenarioId,
    entry.version ?? null,
    entry.detail ?? null,
  ]);
}

/**
 * Archives or brings back a scenario (file or workspace), with its log entry. False when the id
 * is unknown or already in that state.
 */
export async function setScenarioArchived(scenarioId: string, archived: boolean, actor: number | null, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  return db.write(async (tx) => {
    const result = archived
      ? await tx.run("UPDATE scenario_ids SET archived_at = ?, archived_by = ? WHERE scenario_id = ? AND archived_at IS NULL", [isoNow(at), actor, scenarioId])
      : await tx.run("UPDATE scenario_ids SET archived_at = NULL, archived_by = NULL WHERE scenario_id = ? AND archived_at IS NOT NULL", [scenarioId]);
    if (result.changes === 0) return false;
    await bumpLibraryGeneration(tx);
    await insertAuditEntry(tx, { actor, action: archived ? "archive" : "unarchive", scenarioId, at });
    return true;
  });
}

const AuditRow = z.object({
  id: z.number(),
  at: z.string(),
  actor_name: z.string().nullable(),
  action: z.string(),
  scenario_id: z.string(),
  version: z.number().nullable(),
  detail: z.string().nullable(),
});

export type AuditEntry = { id: number; at: string; actorName: string | null; action: WorkspaceAction; scenarioId: string; version: number | null; detail: string | null };

/** The newest entries first; `before` pages on by id. */
export async function listAuditEntries(limit: number, before: number | null): Promise<AuditEntry[]> {
  const db = await getDb();
  const rows = await db.all(
    AuditRow,
    `SELECT a.id, a.at, u.display_name AS actor_name, a.action, a.scenario_id, a.version, a.detail
       FROM workspace_audit a LEFT JOIN users u ON u.id = a.actor
      WHERE (? IS NULL OR a.id < ?)
      ORDER BY a.id DESC LIMIT ?`,
    [before, before, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorName: row.actor_name,
    action: row.action as WorkspaceAction,
    scenarioId: row.scenario_id,
    version: row.version,
    detail: row.detail,
  }));
}
