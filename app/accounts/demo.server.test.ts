import fs from "node:fs";
import path from "node:path";
import * as z from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { OUTCOME_FIELDS } from "~/domain/outcomes";
import { SKILLS } from "~/engine";
import { listAttemptsOfUser } from "~/models/attempt.server";
import { listImports } from "~/models/outcome-import.server";
import { findUserByEmail } from "~/models/user.server";
import { DEMO_EXPORT_FILE, DEMO_HELPDESK_SOURCE } from "~/outcomes/demo-outcomes.server";
import { HELPDESK_LEAD_IN_MS, UNKNOWN_HELPDESK_AGENT } from "~/outcomes/synthetic-helpdesk";
import { recoverInterruptedImports, undoOutcomeImport } from "~/outcomes/undo.server";
import { DEMO_SIGN_INS, DEMO_TRAINEE_EMAILS, seedDemoOrganisation } from "./demo.server";

let seeded = false;

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  await useFreshDatabase();
  seeded = await seedDemoOrganisation();
}, 60_000);

async function attemptsOf(email: string) {
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`${email} was not seeded`);
  return listAttemptsOfUser(user.id);
}

describe("seedDemoOrganisation", () => {
  it("creates the listed sign-ins on an empty database, once", async () => {
    expect(seeded).toBe(true);
    for (const account of DEMO_SIGN_INS) expect((await findUserByEmail(account.email))?.role).toBe(account.role);
    expect(await seedDemoOrganisation()).toBe(false);
  });

  it("leaves the listed demo trainee without history: their first conversation is the one you play", async () => {
    const trainee = DEMO_SIGN_INS.find((account) => account.role === "trainee")!;
    expect(await attemptsOf(trainee.email)).toEqual([]);
  });

  it("gives the other demo trainees finished conversations from the last two months, scored by the engine", async () => {
    const attempts = await attemptsOf("priya@frontline.test");
    expect(attempts).toHaveLength(14);
    const now = Date.now();
    for (const attempt of attempts) {
      expect(attempt.status).toBe("completed");
      const endedAt = Date.parse(attempt.endedAt!);
      expect(endedAt).toBeLessThan(now);
      expect(endedAt).toBeGreaterThan(now - 61 * 24 * 60 * 60 * 1000);
      expect(attempt.overall).not.toBeNull();
      expect(SKILLS.some((skill) => attempt.scores[skill] !== null)).toBe(true);
    }
    expect(await attemptsOf("emma@frontline.test")).toHaveLength(4);
  });

  it("records an order of replies for each of those conversations, as a real start would", async () => {
    const attempts = await attemptsOf("priya@frontline.test");
    const seeds = attempts.map((attempt) => attempt.orderSeed);
    expect(seeds.every((seed) => seed !== null && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)).toBe(true);
    expect(new Set(seeds).size).toBe(attempts.length);
    expect(attempts.every((attempt) => attempt.timing === "normal")).toBe(true);
  });
});

const demoImports = async () => (await listImports(null)).filter((record) => record.source === DEMO_HELPDESK_SOURCE);

describe("the demo's helpdesk outcomes", () => {
  it("imports a synthetic export for every demo trainee and one unknown helpdesk agent, once", async () => {
    const [demo, ...others] = await demoImports();
    expect(others).toEqual([]);
    expect(demo).toMatchObject({ status: "committed", kind: "csv", format: "generic", created_by: null, file_name: DEMO_EXPORT_FILE });
    expect(demo!.rows_added).toBe(demo!.rows_read);
    expect(demo!.rows_refused).toBe(0);
    expect(demo!.agents_matched).toBe(DEMO_TRAINEE_EMAILS.length);
    expect(demo!.agents_unknown).toBe(1);
    expect(await seedDemoOrganisation()).toBe(false);
    expect(await demoImports()).toHaveLength(1);
  });

  it("writes the export beside the database, in the generic template, for a trainer to upload by hand", async () => {
    const [demo] = await demoImports();
    const file = path.join(path.dirname(process.env.DATABASE_PATH!), DEMO_EXPORT_FILE);
    const lines = fs.readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toBe(OUTCOME_FIELDS.join(","));
    expect(lines.some((line) => line.includes(UNKNOWN_HELPDESK_AGENT))).toBe(true);
    expect(lines.length - 1).toBe(demo!.rows_read);
  });

  it("dates the tickets from four weeks before the practice history to its end, so mastery and outcomes line up", async () => {
    const db = await getDb();
    const span = await db.get(
      z.object({ first: z.string(), last: z.string(), agents: z.number() }),
      "SELECT MIN(ticket_at) AS first, MAX(ticket_at) AS last, COUNT(DISTINCT user_id) AS agents FROM helpdesk_tickets WHERE is_current = 1",
    );
    const attempts = await db.get(z.object({ first: z.string(), last: z.string() }), "SELECT MIN(started_at) AS first, MAX(ended_at) AS last FROM attempts");
    expect(span!.agents).toBe(DEMO_TRAINEE_EMAILS.length);
    expect(Date.parse(span!.first)).toBeGreaterThanOrEqual(Date.parse(attempts!.first) - HELPDESK_LEAD_IN_MS);
    expect(span!.first < attempts!.first).toBe(true);
    expect(span!.last <= attempts!.last).toBe(true);
  });

  it("imports again at the next start when the first start stopped part-way, and never after a trainer undid it", async () => {
    const db = await getDb();
    const [first] = await demoImports();
    // What a stop during the first start's import leaves behind, then the start-up recovery.
    await db.write((tx) => tx.run("UPDATE outcome_imports SET status = 'importing' WHERE id = ?", [first!.id]));
    expect(await recoverInterruptedImports()).toEqual([first!.id]);
    expect(await seedDemoOrganisation()).toBe(false);
    const [second] = await demoImports();
    expect(second!.id).not.toBe(first!.id);
    expect(second).toMatchObject({ status: "committed", rows_added: first!.rows_added });
    expect(await undoOutcomeImport(second!.id, null)).toBe(true);
    await seedDemoOrganisation();
    expect((await demoImports()).map((record) => record.status)).toEqual(["undone", "failed"]);
  });
});
