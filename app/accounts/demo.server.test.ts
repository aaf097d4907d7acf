import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { SKILLS } from "~/engine";
import { listAttemptsOfUser } from "~/models/attempt.server";
import { findUserByEmail } from "~/models/user.server";
import { DEMO_SIGN_INS, seedDemoOrganisation } from "./demo.server";

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
