import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { createTrainees } from "~/attempts/test-trainees";
import { listImports } from "~/models/outcome-import.server";
import { DEMO_EXPORT_FILE, exportPathBesideDatabase, importSyntheticHelpdesk, seedDemoOutcomes } from "./demo-outcomes.server";
import { UNKNOWN_HELPDESK_AGENT, type HelpdeskOptions } from "./synthetic-helpdesk";

const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await useFreshDatabase();
  await createTrainees(3);
});

describe("importSyntheticHelpdesk", () => {
  const to = Date.now() - DAY_MS;
  const options = (file: string): HelpdeskOptions & { source: string; file: string } => ({
    from: to - 28 * DAY_MS,
    to,
    seed: 5,
    ticketsPerWeek: { min: 5, max: 10 },
    unknownAgent: UNKNOWN_HELPDESK_AGENT,
    source: "synthetic-test",
    file,
  });
  const agents = [1, 2, 3].map((n) => ({ email: `t${n}@example.test`, timeline: [{ at: to - 20 * DAY_MS, mastery: 50 + 10 * n }] }));

  it("writes the export where it is told and imports it like an upload, matching agents by email", async () => {
    const file = exportPathBesideDatabase("nested/synthetic.csv");
    expect(path.dirname(path.dirname(file))).toBe(path.dirname(process.env.DATABASE_PATH!));
    const { tickets, written } = await importSyntheticHelpdesk(agents, options(file));
    expect(fs.readFileSync(file, "utf8").trim().split("\n")).toHaveLength(tickets + 1);
    expect(written?.counts).toMatchObject({ rowsRead: tickets, rowsAdded: tickets, rowsRefused: 0, agentsMatched: 3, agentsUnknown: 1 });
    const [record] = await listImports(null);
    expect(record).toMatchObject({ source: "synthetic-test", file_name: "synthetic.csv", status: "committed", created_by: null });
  });

  it("changes nothing when the same export is imported again", async () => {
    const { written } = await importSyntheticHelpdesk(agents, options(exportPathBesideDatabase("again.csv")));
    expect(written).toBeNull();
    expect(await listImports(null)).toHaveLength(1);
  });
});

describe("seedDemoOutcomes", () => {
  it("leaves a database without the demo trainees alone", async () => {
    expect(await seedDemoOutcomes(["priya@frontline.test", "emma@frontline.test"])).toBe(false);
    expect((await listImports(null)).map((record) => record.source)).toEqual(["synthetic-test"]);
    expect(fs.existsSync(exportPathBesideDatabase(DEMO_EXPORT_FILE))).toBe(false);
  });

  it("needs practice to line the tickets up with: trainees without any get no made-up dates", async () => {
    expect(await seedDemoOutcomes(["t1@example.test"])).toBe(false);
    expect(fs.existsSync(exportPathBesideDatabase(DEMO_EXPORT_FILE))).toBe(false);
  });
});
