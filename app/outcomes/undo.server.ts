import { getDb } from "#db/db.server";
import { currentKeysOfImport, recountTickets } from "~/models/helpdesk-ticket.server";
import { importsStillImporting, markImportUndone } from "~/models/outcome-import.server";

const PASS = 500;

/**
 * Once an import no longer counts, every ticket it made current falls back to its best remaining
 * version (the rows it replaced come back, unless a later import has replaced them since). In
 * passes of a few hundred tickets, one transaction each, so the writer is never held for long.
 */
async function recountAfter(importId: number): Promise<void> {
  const db = await getDb();
  for (;;) {
    const moved = await db.write(async (tx) => {
      const keys = await currentKeysOfImport(tx, importId, PASS);
      const bySource = new Map<string, string[]>();
      for (const key of keys) bySource.set(key.source, [...(bySource.get(key.source) ?? []), key.ticket_id]);
      for (const [source, ticketIds] of bySource) await recountTickets(tx, source, ticketIds);
      return keys.length;
    });
    if (moved === 0) return;
  }
}

/** Undoes a committed import as a whole; false when it was already undone. */
export async function undoOutcomeImport(importId: number, userId: number | null): Promise<boolean> {
  const db = await getDb();
  const undone = await db.write((tx) => markImportUndone(tx, importId, userId));
  // Recount even when it was already undone: a stop part-way through an earlier undo is finished here.
  await recountAfter(importId);
  return undone;
}

/**
 * An import still marked as importing was cut short: at start-up, by a stop of the server (every one); when a worker
 * process dies, by that worker (`writerPid`). It is marked failed and rolled back like an undo, so half a file never
 * counts.
 */
export async function recoverInterruptedImports(writerPid?: number): Promise<number[]> {
  const db = await getDb();
  const ids = await importsStillImporting(writerPid);
  for (const id of ids) {
    await db.write((tx) => markImportUndone(tx, id, null, "failed"));
    await recountAfter(id);
  }
  return ids;
}
