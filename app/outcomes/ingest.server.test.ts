import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { createNamedTeam } from "~/accounts/teams.server";
import * as z from "zod";
import { commitCsvImport, previewCsvImport, type CsvImportRequest } from "./csv-import.server";
import { undoOutcomeImport } from "./undo.server";

const HASH = "scrypt$unused";
const NOW = new Date("2026-06-01T00:00:00Z");
const dir = makeTempDir();
let teamA = 0;
let teamB = 0;

function csv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ["ticket_id,agent_email,date_time,rating,solved_on_first_contact,reopened,channel", ...lines].join("\n"));
  return file;
}

const request = (file: string, extra: Partial<CsvImportRequest> = {}): CsvImportRequest => ({
  file,
  fileName: path.basename(file),
  format: "auto",
  scale: "detect",
  source: "helpdesk",
  scope: null,
  userId: null,
  ...extra,
});

async function commit(req: CsvImportRequest) {
  const result = await commitCsvImport(req, NOW);
  if (!result.ok) throw new Error(`nothing committed: ${JSON.stringify(result.preview.ok ? result.preview.judged.counts : result.preview)}`);
  return await result.written;
}

const Current = z.object({ ticket_id: z.string(), rating_raw: z.string().nullable(), ticket_at: z.string(), user_id: z.number().nullable() });
async function current() {
  const db = await getDb();
  return db.all(Current, "SELECT ticket_id, rating_raw, ticket_at, user_id FROM helpdesk_tickets WHERE is_current = 1 ORDER BY ticket_id");
}

beforeAll(async () => {
  await useFreshDatabase();
  const a = await createNamedTeam("Alpha");
  const b = await createNamedTeam("Beta");
  if (!a.ok || !b.ok) throw new Error("teams");
  teamA = a.team.id;
  teamB = b.team.id;
  await createAccount({ email: "ana@example.test", displayName: "Ana", role: "trainee", teamId: teamA, password: "" }, HASH);
  await createAccount({ email: "ben@example.test", displayName: "Ben", role: "trainee", teamId: teamB, password: "" }, HASH);
});

describe("importing helpdesk outcomes", () => {
  it("previews without storing, commits, and a second import of the same file changes nothing", async () => {
    const file = csv("first.csv", [
      "T1,Ana@example.test,2026-01-02T10:00:00Z,5,yes,no,chat",
      "T2,ben@example.test,2026-01-03T10:00:00Z,2,no,,email",
      "T3,carla@helpdesk.test,2026-01-04T10:00:00Z,4,yes,,",
      "T4,ben@example.test,not a date,4,yes,,",
    ]);
    const preview = await previewCsvImport(request(file), NOW);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.judged.counts).toEqual({ add: 3, replace: 0, unchanged: 0, older: 0 });
    expect(preview.plan.refused).toEqual([{ line: 5, reason: 'date_time "not a date" is not a date and time like 2026-03-14T09:30:00Z' }]);
    expect(preview.judged.unknownAgents).toEqual([{ key: "carla@helpdesk.test", rows: 1 }]);
    expect(preview.scale).toEqual({ scale: "1-5", how: "detected" });
    expect(await current()).toEqual([]);

    const first = await commit(request(file));
    expect(first.counts).toMatchObject({ rowsRead: 4, rowsAdded: 3, rowsRefused: 1, agentsMatched: 2, agentsUnknown: 1 });
    expect((await current()).map((row) => row.ticket_id)).toEqual(["T1", "T2", "T3"]);

    const again = await previewCsvImport(request(file), NOW);
    if (!again.ok) throw new Error(again.error);
    expect(again.nothingToDo).toBe(true);
    expect(again.judged.counts).toEqual({ add: 0, replace: 0, unchanged: 3, older: 0 });
    expect((await commitCsvImport(request(file), NOW)).ok).toBe(false);
  });

  it("lets the newest ticket time win, says which rows replace which, and undo restores them", async () => {
    const before = await current();
    const file = csv("second.csv", ["T1,ana@example.test,2026-01-05T10:00:00Z,3,yes,yes,chat", "T2,ben@example.test,2025-12-01T10:00:00Z,5,yes,,email"]);
    const preview = await previewCsvImport(request(file), NOW);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.judged.counts).toMatchObject({ replace: 1, older: 1 });
    expect(preview.judged.replacements[0]).toMatchObject({ line: 2, ticketId: "T1", storedAt: "2026-01-02T10:00:00.000Z" });
    const second = await commit(request(file));
    expect((await current()).find((row) => row.ticket_id === "T1")?.rating_raw).toBe("3");
    expect(await undoOutcomeImport(second.importId, null)).toBe(true);
    expect(await current()).toEqual(before);
    expect(await undoOutcomeImport(second.importId, null)).toBe(false);
  });

  it("refuses, for a manager, agents outside their teams", async () => {
    const file = csv("scoped.csv", ["S1,ana@example.test,2026-02-01T10:00:00Z,good,yes,,", "S2,ben@example.test,2026-02-01T10:00:00Z,bad,no,,"]);
    const preview = await previewCsvImport(request(file, { source: "other", scope: [teamA] }), NOW);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.judged.counts.add).toBe(1);
    expect(preview.plan.refused).toEqual([{ line: 3, reason: 'agent_email "ben@example.test" is not in a team you manage' }]);
    expect(teamB).toBeGreaterThan(0);
  });

  it("keeps the later of two lines for one ticket and says which", async () => {
    const file = csv("dupes.csv", ["D1,ana@example.test,2026-03-01T10:00:00Z,4,yes,,", "D1,ana@example.test,2026-03-01T10:00:00Z,4,yes,,", "D1,ana@example.test,2026-03-02T10:00:00Z,1,no,,"]);
    const preview = await previewCsvImport(request(file, { source: "dupes" }), NOW);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.plan.repeats).toEqual([
      { line: 2, keptLine: 3, identical: true },
      { line: 3, keptLine: 4, identical: false },
    ]);
    expect(preview.judged.counts.add).toBe(1);
  });

  it("gives a later account the tickets its email already stands on", async () => {
    // carla@helpdesk.test was an unknown agent of the first import (ticket T3).
    expect((await current()).find((row) => row.ticket_id === "T3")?.user_id).toBeNull();
    const carla = await createAccount({ email: "Carla@helpdesk.test", displayName: "Carla", role: "trainee", teamId: teamA, password: "" }, HASH);
    expect((await current()).find((row) => row.ticket_id === "T3")?.user_id).toBe(carla);
  });
});
