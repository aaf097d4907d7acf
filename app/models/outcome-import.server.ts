import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { placeholders } from "./analytics.server";
import { isoNow } from "./time.server";

const Count = z.number().int();
const ImportRow = z.object({
  id: z.number().int(),
  source: z.string(),
  kind: z.enum(["csv", "api"]),
  format: z.string(),
  file_name: z.string().nullable(),
  created_by: z.number().int().nullable(),
  created_by_name: z.string().nullable(),
  token_name: z.string().nullable(),
  token_id: z.number().int().nullable(),
  created_at: z.string(),
  status: z.enum(["importing", "committed", "undone", "failed"]),
  rows_read: Count,
  rows_added: Count,
  rows_replacing: Count,
  rows_unchanged: Count,
  rows_refused: Count,
  agents_matched: Count,
  agents_unknown: Count,
  date_from: z.string().nullable(),
  date_to: z.string().nullable(),
  finished_at: z.string().nullable(),
  undone_at: z.string().nullable(),
  undone_by_name: z.string().nullable(),
  rows_written: Count,
  rows_to_write: Count,
  team_ids: z
    .string()
    .nullable()
    .transform((value) => (value ? value.split(",").map(Number) : [])),
});
export type OutcomeImport = z.infer<typeof ImportRow>;

const SELECT_IMPORT = `
  SELECT i.*, c.display_name AS created_by_name, d.display_name AS undone_by_name, k.name AS token_name,
         (SELECT group_concat(team_id) FROM outcome_import_teams WHERE import_id = i.id) AS team_ids
    FROM outcome_imports i
    LEFT JOIN users c ON c.id = i.created_by
    LEFT JOIN users d ON d.id = i.undone_by
    LEFT JOIN api_tokens k ON k.id = i.token_id`;

export type NewImport = {
  source: string;
  kind: "csv" | "api";
  format: string;
  fileName: string | null;
  createdBy: number | null;
  tokenId: number | null;
  /** The teams it was made for; null for the whole organisation. */
  teamIds: readonly number[] | null;
};

export async function insertImport(tx: WriteTx, record: NewImport): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO outcome_imports (source, kind, format, file_name, created_by, token_id, created_at, status, writer_pid)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'importing', ?)`,
    [record.source, record.kind, record.format, record.fileName, record.createdBy, record.tokenId, isoNow(), process.pid],
  );
  for (const teamId of record.teamIds ?? []) {
    await tx.run("INSERT INTO outcome_import_teams (import_id, team_id) VALUES (?, ?)", [lastID, teamId]);
  }
  return lastID;
}

export type ImportCounts = {
  rowsRead: number;
  rowsAdded: number;
  rowsReplacing: number;
  rowsUnchanged: number;
  rowsRefused: number;
  agentsMatched: number;
  agentsUnknown: number;
  dateFrom: string | null;
  dateTo: string | null;
};

/** How many of the import's rows are written so far (in the same transaction as those rows). */
export async function setImportProgress(tx: WriteTx, importId: number, written: number, toWrite: number): Promise<void> {
  await tx.run("UPDATE outcome_imports SET rows_written = ?, rows_to_write = ? WHERE id = ? AND status = 'importing'", [written, toWrite, importId]);
}

export async function finishImport(tx: WriteTx, importId: number, counts: ImportCounts): Promise<void> {
  await tx.run(
    `UPDATE outcome_imports SET status = 'committed', finished_at = ?, rows_read = ?, rows_added = ?, rows_replacing = ?,
            rows_unchanged = ?, rows_refused = ?, agents_matched = ?, agents_unknown = ?, date_from = ?, date_to = ?
      WHERE id = ? AND status = 'importing'`,
    [isoNow(), counts.rowsRead, counts.rowsAdded, counts.rowsReplacing, counts.rowsUnchanged, counts.rowsRefused, counts.agentsMatched, counts.agentsUnknown, counts.dateFrom, counts.dateTo, importId],
  );
}

/** Marks an import as no longer counting; false when it was not committed (already undone, say). */
export async function markImportUndone(tx: WriteTx, importId: number, userId: number | null, status: "undone" | "failed" = "undone"): Promise<boolean> {
  const { changes } = await tx.run(
    `UPDATE outcome_imports SET status = ?, undone_at = ?, undone_by = ? WHERE id = ? AND status IN ('committed', 'importing')`,
    [status, isoNow(), userId, importId],
  );
  return changes === 1;
}

export async function findImport(importId: number): Promise<OutcomeImport | undefined> {
  const db = await getDb();
  return db.get(ImportRow, `${SELECT_IMPORT} WHERE i.id = ?`, [importId]);
}

/**
 * Imports newest first. With `teamIds`, only those made for teams all within them (what a manager
 * may see); null lists every import (an admin).
 */
export async function listImports(teamIds: readonly number[] | null, limit = 100): Promise<OutcomeImport[]> {
  const db = await getDb();
  if (teamIds === null) return db.all(ImportRow, `${SELECT_IMPORT} ORDER BY i.id DESC LIMIT ?`, [limit]);
  if (teamIds.length === 0) return [];
  return db.all(
    ImportRow,
    `${SELECT_IMPORT}
      WHERE EXISTS (SELECT 1 FROM outcome_import_teams t WHERE t.import_id = i.id)
        AND NOT EXISTS (SELECT 1 FROM outcome_import_teams t WHERE t.import_id = i.id AND t.team_id NOT IN (${placeholders(teamIds)}))
      ORDER BY i.id DESC LIMIT ?`,
    [...teamIds, limit],
  );
}

const IdRow = z.object({ id: z.number().int() });

/**
 * Imports left half-written: by a stop of the whole server (every one still importing, at start, before any process
 * serves), or by one process that died (`writerPid`: only those it was writing).
 */
export async function importsStillImporting(writerPid?: number): Promise<number[]> {
  const db = await getDb();
  const rows =
    writerPid === undefined
      ? await db.all(IdRow, "SELECT id FROM outcome_imports WHERE status = 'importing'")
      : await db.all(IdRow, "SELECT id FROM outcome_imports WHERE status = 'importing' AND writer_pid = ?", [writerPid]);
  return rows.map((row) => row.id);
}

/** Whether an import of this file under this source was made by nobody (the demo's own), and not cut short. */
export async function systemImportExists(source: string, fileName: string): Promise<boolean> {
  const db = await getDb();
  const row = await db.get(
    IdRow,
    "SELECT id FROM outcome_imports WHERE source = ? AND file_name = ? AND created_by IS NULL AND token_id IS NULL AND status <> 'failed' LIMIT 1",
    [source, fileName],
  );
  return row !== undefined;
}
