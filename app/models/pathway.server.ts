import * as z from "zod";
import { getDb } from "#db/db.server";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import type { WriteTx } from "#db/connection.server";
import { isoNow } from "./time.server";

/** Skill pathways (migration 0006): an ordered list of scenarios for one skill. */

export type PathwayRecord = {
  id: number;
  title: string;
  skill: Skill;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Library scenario ids, in the pathway's order. */
  scenarioIds: string[];
};

const PathwayRow = z.object({
  id: z.number().int(),
  title: z.string(),
  skill: z.enum(SKILLS),
  created_by_name: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  scenario_id: z.string().nullable(),
});

// One row per (pathway, scenario) in order; a pathway without scenarios gives one row with NULL.
const SELECT_PATHWAYS = `
  SELECT p.id, p.title, p.skill, c.display_name AS created_by_name, p.created_at, p.updated_at, ps.scenario_id
    FROM pathways p
    LEFT JOIN users c ON c.id = p.created_by
    LEFT JOIN pathway_scenarios ps ON ps.pathway_id = p.id`;

function group(rows: z.infer<typeof PathwayRow>[]): PathwayRecord[] {
  const byId = new Map<number, PathwayRecord>();
  for (const row of rows) {
    let record = byId.get(row.id);
    if (!record) {
      record = { id: row.id, title: row.title, skill: row.skill, createdBy: row.created_by_name, createdAt: row.created_at, updatedAt: row.updated_at, scenarioIds: [] };
      byId.set(row.id, record);
    }
    if (row.scenario_id !== null) record.scenarioIds.push(row.scenario_id);
  }
  return [...byId.values()];
}

/** Every pathway with its scenarios, by title. */
export async function listPathways(): Promise<PathwayRecord[]> {
  const db = await getDb();
  return group(await db.all(PathwayRow, `${SELECT_PATHWAYS} ORDER BY p.title COLLATE NOCASE, p.id, ps.position`));
}

export async function findPathway(id: number): Promise<PathwayRecord | undefined> {
  const db = await getDb();
  return group(await db.all(PathwayRow, `${SELECT_PATHWAYS} WHERE p.id = ? ORDER BY ps.position`, [id]))[0];
}

export type PathwayInput = { title: string; skill: Skill; scenarioIds: readonly string[] };

async function writeScenarios(tx: WriteTx, pathwayId: number, scenarioIds: readonly string[]): Promise<void> {
  await tx.run("DELETE FROM pathway_scenarios WHERE pathway_id = ?", [pathwayId]);
  for (const [index, scenarioId] of scenarioIds.entries()) {
    await tx.run("INSERT INTO pathway_scenarios (pathway_id, position, scenario_id) VALUES (?, ?, ?)", [pathwayId, index + 1, scenarioId]);
  }
}

export async function insertPathway(input: PathwayInput, createdBy: number | null, at: Date = new Date()): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => {
    const { lastID } = await tx.run("INSERT INTO pathways (title, skill, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", [
      input.title,
      input.skill,
      createdBy,
      isoNow(at),
      isoNow(at),
    ]);
    await writeScenarios(tx, lastID, input.scenarioIds);
    return lastID;
  });
}

/** Saves a pathway's title, skill and whole ordered list; false when there is no such pathway. */
export async function updatePathway(id: number, input: PathwayInput, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  return db.write(async (tx) => {
    const { changes } = await tx.run("UPDATE pathways SET title = ?, skill = ?, updated_at = ? WHERE id = ?", [input.title, input.skill, isoNow(at), id]);
    if (changes === 0) return false;
    await writeScenarios(tx, id, input.scenarioIds);
    return true;
  });
}

/** Deletes a pathway; its scenarios and the assignments of it go with it (ON DELETE CASCADE). */
export async function deletePathway(id: number): Promise<boolean> {
  const db = await getDb();
  const { changes } = await db.write((tx) => tx.run("DELETE FROM pathways WHERE id = ?", [id]));
  return changes === 1;
}

/** How many current (not removed) assignments point at the pathway: the delete button says so. */
export async function countPathwayAssignments(id: number): Promise<number> {
  const db = await getDb();
  const row = await db.get(z.object({ n: z.number().int() }), "SELECT COUNT(*) AS n FROM assignments WHERE pathway_id = ? AND removed_at IS NULL", [id]);
  return row?.n ?? 0;
}
