import * as z from "zod";
import type { Database } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** The scenarios a certificate requires (migration 0006), chosen by an admin. */

const CoreScenarioRow = z.object({
  scenario_id: z.string(),
  added_at: z.string(),
  last_title: z.string().nullable(),
});

export type CoreScenarioRecord = {
  scenarioId: string;
  addedAt: string;
  /** The title of the scenario's newest stored version, for a core scenario whose file is gone; null if never played. */
  lastTitle: string | null;
};

/** The core set, in the order the scenarios were added (then by id). */
export async function listCoreScenarios(): Promise<CoreScenarioRecord[]> {
  const db = await getDb();
  const rows = await db.all(
    CoreScenarioRow,
    `SELECT c.scenario_id, c.added_at,
            (SELECT v.title FROM scenario_versions v WHERE v.scenario_id = c.scenario_id ORDER BY v.created_at DESC LIMIT 1) AS last_title
       FROM core_scenarios c
      ORDER BY c.added_at, c.scenario_id`,
  );
  return rows.map((row) => ({ scenarioId: row.scenario_id, addedAt: row.added_at, lastTitle: row.last_title }));
}

// The home page asks on every visit which scenarios are core (they are never locked); the set
// changes only through replaceCoreScenarios below, so the ids are read once per database.
const cachedIds = new WeakMap<Database, Promise<Set<string>>>();

/** The core scenarios' ids. */
export async function coreScenarioIds(): Promise<Set<string>> {
  const db = await getDb();
  let ids = cachedIds.get(db);
  if (!ids) {
    ids = db.all(z.object({ scenario_id: z.string() }), "SELECT scenario_id FROM core_scenarios").then((rows) => new Set(rows.map((row) => row.scenario_id)));
    cachedIds.set(db, ids);
    ids.catch(() => cachedIds.delete(db));
  }
  return ids;
}

/**
 * Makes the core set exactly `scenarioIds`, in one transaction. Scenarios already in the set keep
 * when and by whom they were added; the others are removed or added.
 */
export async function replaceCoreScenarios(scenarioIds: readonly string[], addedBy: number | null, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  const ids = [...new Set(scenarioIds)];
  await db.write(async (tx) => {
    await tx.run(`DELETE FROM core_scenarios WHERE scenario_id NOT IN (${ids.map(() => "?").join(", ")})`, ids);
    for (const id of ids) {
      await tx.run("INSERT OR IGNORE INTO core_scenarios (scenario_id, added_by, added_at) VALUES (?, ?, ?)", [id, addedBy, isoNow(at)]);
    }
  });
  cachedIds.delete(db);
}
