import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { chooseReply } from "~/attempts/choose.server";
import { loadOwnAttempt } from "~/attempts/load.server";
import { startAttempt } from "~/attempts/start.server";
import { useExampleLibrary } from "~/attempts/test-trainees";
import { pinVersion } from "~/attempts/version.server";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { visibleChoices } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import { replaceCoreScenarios } from "~/models/core-scenario.server";
import { insertHistoricAttempts } from "~/models/seed.server";
import { certificationDates, certificationSummary, checkCertification, traineeCertification } from "./certification.server";
import { coreSetPage, saveCoreSet } from "./core-set.server";
import { verifyCertificate } from "./verify.server";

const PARCEL = { id: "parcel-third-call", title: "The parcel that never came" };
const RETURNS = { id: "returns-desk-loop", title: "No receipt, no problem?" };
let adminId = 0;
let minute = 0;

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});

let traineeCount = 0;
async function trainee(name = `Trainee ${++traineeCount}`): Promise<number> {
  return createAccount({ email: `${name.replace(/\W/g, "").toLowerCase()}@example.test`, displayName: name, role: "trainee", teamId: null, password: "" }, "scrypt$unused");
}

/** Finished attempts, each a minute after the last, with every skill at `skill` and the given overall. */
async function finished(userId: number, scenarioId: string, overall: number, skill = overall, count = 1): Promise<void> {
  const entry = (await getLibrary()).scenarios.find((candidate) => candidate.scenario.id === scenarioId)!;
  const version = await pinVersion(entry);
  const scores = Object.fromEntries(SKILLS.map((name) => [name, skill])) as Record<Skill, number | null>;
  // The game's per-attempt facts, which certification does not read (spread, so the test also
  // compiles against an AttemptEnd without them).
  const facts = { facts: { best: 0, fair: 0, poor: 0, lowestMood: 0, rushed: false } };
  await insertHistoricAttempts(
    Array.from({ length: count }, () => {
      const at = new Date(Date.UTC(2026, 2, 1, 9, ++minute)).toISOString();
      return {
        userId,
        scenarioId,
        scenarioHash: version.hash,
        snapshot: "{}",
        startedAt: at,
        stepShownAt: at,
        turns: [],
        end: { ...facts, endingId: "x", outcome: "satisfied" as const, csat: 4, resolved: true, mood: 1, scores, overall, endedAt: at },
      };
    }),
  );
}

const ticked = (...ids: string[]) => {
  const form = new FormData();
  for (const id of ids) form.append("scenarioIds", id);
  return form;
};

async function setCore(...ids: string[]) {
  expect(await saveCoreSet(ticked(...ids), adminId)).toEqual({ ok: true, count: ids.length });
}

describe("checkCertification", () => {
  it("gives nobody a certificate while no core scenario is set", async () => {
    const ana = await trainee();
    await finished(ana, PARCEL.id, 100);
    await finished(ana, RETURNS.id, 100);
    expect(await checkCertification(ana)).toEqual({ certificate: null, newlyEarned: false });
    expect(await traineeCertification(ana)).toMatchObject({ certificate: null, progress: { scenarios: [] } });
    expect(await certificationSummary(ana)).toEqual({ state: "closed" });
  });

  it("stores a certificate once the rule is met, recording the core set, and returns the same one afterwards", async () => {
    await setCore(PARCEL.id);
    const ben = await trainee("Ben Bright");
    await finished(ben, PARCEL.id, 85, 75);
    const earnedAt = new Date("2026-04-01T12:00:00.000Z");
    const first = await checkCertification(ben, earnedAt);
    expect(first.newlyEarned).toBe(true);
    expect(first.certificate).toMatchObject({
      holderName: "Ben Bright",
      earnedAt: earnedAt.toISOString(),
      scenarios: [PARCEL],
      minScore: 80,
      minMastery: 70,
    });
    const code = first.certificate!.code;
    expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first.certificate!.path).toBe(`/certificates/${code}`);

    const again = await checkCertification(ben, new Date("2026-04-02T12:00:00.000Z"));
    expect(again).toEqual({ certificate: first.certificate, newlyEarned: false });
    expect(await certificationSummary(ben)).toEqual({ state: "earned", earnedAt: earnedAt.toISOString() });
  });

  it("keeps a certificate valid when the core set changes or the scores drop later", async () => {
    await setCore(PARCEL.id);
    const cleo = await trainee();
    await finished(cleo, PARCEL.id, 90);
    const { certificate } = await checkCertification(cleo);
    expect(certificate?.scenarios).toEqual([PARCEL]);

    await setCore(PARCEL.id, RETURNS.id);
    await finished(cleo, PARCEL.id, 10, 10, 5);
    expect(await checkCertification(cleo)).toEqual({ certificate, newlyEarned: false });
    expect(await verifyCertificate(certificate!.code)).toMatchObject({ scenarios: [PARCEL] });
  });

  it("stores one certificate when two checks for one trainee run at once", async () => {
    await setCore(PARCEL.id);
    const dan = await trainee();
    await finished(dan, PARCEL.id, 100);
    const [a, b] = await Promise.all([checkCertification(dan), checkCertification(dan)]);
    expect([a.newlyEarned, b.newlyEarned].sort()).toEqual([false, true]);
    expect(a.certificate?.code).toBe(b.certificate?.code);
  });

  it("earns nothing while a condition is missing, and says what remains", async () => {
    await setCore(PARCEL.id, RETURNS.id);
    const eve = await trainee();
    await finished(eve, PARCEL.id, 95, 95);
    await finished(eve, RETURNS.id, 79, 95);
    expect(await checkCertification(eve)).toEqual({ certificate: null, newlyEarned: false });
    const page = await traineeCertification(eve);
    expect(page?.certificate).toBeNull();
    expect(page?.progress?.scenarios).toEqual([
      { ...PARCEL, inLibrary: true, best: 95, met: true },
      { ...RETURNS, inLibrary: true, best: 79, met: false },
    ]);
    expect(page?.progress?.skills.every((skill) => skill.met)).toBe(true);
    expect(await certificationSummary(eve)).toEqual({ state: "open", scenariosLeft: 1, skillsLeft: 0 });

    // The replay that reaches 80 earns it on the next check (the conversation-end hook, or a visit).
    await finished(eve, RETURNS.id, 80, 95);
    expect((await checkCertification(eve)).newlyEarned).toBe(true);
  });

  it("earns nothing while a skill's mastery is below 70", async () => {
    await setCore(PARCEL.id);
    const finn = await trainee();
    await finished(finn, PARCEL.id, 90, 69);
    expect((await checkCertification(finn)).certificate).toBeNull();
    expect(await certificationSummary(finn)).toEqual({ state: "open", scenariosLeft: 0, skillsLeft: 5 });
  });

  it("earns a certificate from a conversation played through the real attempt flow", async () => {
    await setCore(PARCEL.id);
    const gus = await trainee();
    const id = await startAttempt(gus, PARCEL.id);
    for (let turn = 1; turn <= 4; turn++) {
      const { version, snapshot } = await loadOwnAttempt(gus, id);
      await chooseReply({ userId: gus, attemptId: id, turn, choiceId: visibleChoices(version.scenario, snapshot.context)[0]!.id });
    }
    // The conversation-end hook may have stored it already; either way the trainee now holds it.
    expect((await checkCertification(gus)).certificate?.scenarios).toEqual([PARCEL]);
  });

  it("gives no certificate to someone who is not a trainee, or to nobody", async () => {
    await setCore(PARCEL.id);
    const manager = await createAccount({ email: "boss@example.test", displayName: "Boss", role: "manager", teamId: null, password: "" }, "scrypt$unused");
    await finished(manager, PARCEL.id, 100);
    expect(await checkCertification(manager)).toEqual({ certificate: null, newlyEarned: false });
    expect(await traineeCertification(manager)).toBeNull();
    expect(await checkCertification(999_999)).toEqual({ certificate: null, newlyEarned: false });
  });
});

describe("certificationDates", () => {
  it("gives the date each certified trainee earned it, and nothing for the others", async () => {
    await setCore(PARCEL.id);
    const [holder, other] = [await trainee(), await trainee()];
    await finished(holder, PARCEL.id, 100);
    const at = new Date("2026-04-03T08:00:00.000Z");
    await checkCertification(holder, at);
    const dates = await certificationDates([holder, other]);
    expect(dates).toEqual(new Map([[holder, at.toISOString()]]));
  });
});

describe("verifyCertificate", () => {
  it("shows the name, the date and what it certifies, and nothing else", async () => {
    await setCore(PARCEL.id);
    const holder = await trainee("Hana Holder");
    await finished(holder, PARCEL.id, 100);
    const { certificate } = await checkCertification(holder, new Date("2026-04-04T08:00:00.000Z"));
    expect(await verifyCertificate(certificate!.code)).toEqual({
      holderName: "Hana Holder",
      earnedAt: "2026-04-04T08:00:00.000Z",
      scenarios: [PARCEL],
      minScore: 80,
      minMastery: 70,
    });
  });

  it("finds nothing for an unknown, malformed or missing code", async () => {
    expect(await verifyCertificate("A".repeat(24))).toBeNull();
    expect(await verifyCertificate("short")).toBeNull();
    expect(await verifyCertificate("../../etc/passwd-aaaaaaaa")).toBeNull();
    expect(await verifyCertificate(undefined)).toBeNull();
  });

  it("makes a different code for every certificate", async () => {
    await setCore(PARCEL.id);
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const someone = await trainee();
      await finished(someone, PARCEL.id, 100);
      codes.add((await checkCertification(someone)).certificate!.code);
    }
    expect(codes.size).toBe(3);
  });
});

describe("the core set", () => {
  it("lists the library with the core scenarios ticked, and how many certificates exist", async () => {
    await setCore(RETURNS.id);
    const page = await coreSetPage();
    expect(page.scenarios.map((scenario) => [scenario.id, scenario.core])).toEqual([
      [RETURNS.id, true],
      [PARCEL.id, false],
    ]);
    expect(page.scenarios.find((scenario) => scenario.id === PARCEL.id)?.skills).toEqual([...SKILLS]);
    expect(page.missing).toEqual([]);
    expect(page.certificates).toBeGreaterThan(0);
    expect([page.minScore, page.minMastery]).toEqual([80, 70]);
  });

  it("refuses a scenario that is not in the library, naming it, and changes nothing", async () => {
    await setCore(PARCEL.id);
    expect(await saveCoreSet(ticked(RETURNS.id, "no-such-scenario"), adminId)).toEqual({ ok: false, ticked: [RETURNS.id, "no-such-scenario"], unknown: ["no-such-scenario"] });
    expect((await coreSetPage()).scenarios.filter((scenario) => scenario.core).map((scenario) => scenario.id)).toEqual([PARCEL.id]);
  });

  it("keeps a core scenario whose file left the library until it is unticked", async () => {
    await replaceCoreScenarios([PARCEL.id, "retired-scenario"], adminId);
    expect((await coreSetPage()).missing).toEqual([{ id: "retired-scenario", title: "retired-scenario" }]);
    expect(await saveCoreSet(ticked(PARCEL.id, "retired-scenario"), adminId)).toEqual({ ok: true, count: 2 });
    await setCore(PARCEL.id);
    expect((await coreSetPage()).missing).toEqual([]);
  });

  it("empties the set when nothing is ticked", async () => {
    await setCore();
    expect((await coreSetPage()).scenarios.some((scenario) => scenario.core)).toBe(false);
  });
});
