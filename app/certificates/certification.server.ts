import type { Skill } from "~/domain/vocabulary";
import { getLibrary } from "~/library/catalog.server";
import { listAttemptsOfUser } from "~/models/attempt.server";
import { findCertificateOfUser, insertCertificate, listCertificationDates, type CertificateRecord } from "~/models/certificate.server";
import { listCoreScenarios } from "~/models/core-scenario.server";
import { findUserById } from "~/models/user.server";
import { newCertificateCode, verificationPath } from "./code.server";
import { certificationStanding, CORE_SCORE_MIN, SKILL_MASTERY_MIN } from "./rule";

/** A certificate as its holder and the public page show it. */
export type CertificateView = {
  code: string;
  holderName: string;
  earnedAt: string;
  /** The core set it was earned on, as recorded then. */
  scenarios: { id: string; title: string }[];
  minScore: number;
  minMastery: number;
  /** The public verification path (the page adds the origin). */
  path: string;
};

export function certificateView(record: CertificateRecord): CertificateView {
  return {
    code: record.code,
    holderName: record.holderName,
    earnedAt: record.earnedAt,
    scenarios: record.coreSet.scenarios,
    minScore: record.coreSet.minScore,
    minMastery: record.coreSet.minMastery,
    path: verificationPath(record.code),
  };
}

/** The core set with titles: the library's, else the newest stored version's, else the id. */
async function coreSetWithTitles() {
  const [core, library] = await Promise.all([listCoreScenarios(), getLibrary()]);
  const titles = new Map(library.scenarios.map((entry) => [entry.scenario.id, entry.scenario.title]));
  return core.map((row) => ({ id: row.scenarioId, title: titles.get(row.scenarioId) ?? row.lastTitle ?? row.scenarioId, inLibrary: titles.has(row.scenarioId) }));
}

/** What a trainee still needs, with the core scenarios' titles. */
export type CertificationProgress = {
  scenarios: { id: string; title: string; inLibrary: boolean; best: number | null; met: boolean }[];
  skills: { skill: Skill; mastery: number | null; met: boolean }[];
  minScore: number;
  minMastery: number;
};

async function evaluate(userId: number) {
  const [core, attempts] = await Promise.all([coreSetWithTitles(), listAttemptsOfUser(userId)]);
  const standing = certificationStanding(
    attempts,
    core.map((scenario) => scenario.id),
  );
  const progress: CertificationProgress = {
    scenarios: core.map((scenario, index) => ({ ...scenario, best: standing.scenarios[index]!.best, met: standing.scenarios[index]!.met })),
    skills: standing.skills,
    minScore: CORE_SCORE_MIN,
    minMastery: SKILL_MASTERY_MIN,
  };
  return { met: standing.met, progress };
}

type Checked = { certificate: CertificateView; newlyEarned: boolean; progress: null } | { certificate: null; newlyEarned: false; progress: CertificationProgress | null };

async function check(userId: number, now: Date): Promise<Checked> {
  const held = await findCertificateOfUser(userId);
  if (held) return { certificate: certificateView(held), newlyEarned: false, progress: null };
  const user = await findUserById(userId);
  if (!user || user.role !== "trainee") return { certificate: null, newlyEarned: false, progress: null };
  const { met, progress } = await evaluate(userId);
  if (!met) return { certificate: null, newlyEarned: false, progress };
  const newlyEarned = await insertCertificate(
    {
      code: newCertificateCode(),
      userId,
      holderName: user.displayName,
      coreSet: { scenarios: progress.scenarios.map(({ id, title }) => ({ id, title })), minScore: progress.minScore, minMastery: progress.minMastery },
    },
    now,
  );
  const stored = await findCertificateOfUser(userId);
  if (!stored) throw new Error(`the certificate of user ${userId} vanished after it was stored`);
  return { certificate: certificateView(stored), newlyEarned, progress: null };
}

/**
 * Evaluates the rule from the trainee's completed attempts and, when it is met and they hold no
 * certificate yet, stores one recording the core set of the moment. A certificate once earned is
 * returned as it was stored, whatever the core set or the scores are now. Only trainees earn one.
 * Two calls at once store one certificate (user_id is unique); only the one that stored it says
 * `newlyEarned`.
 */
export async function checkCertification(userId: number, now: Date = new Date()): Promise<{ certificate: CertificateView | null; newlyEarned: boolean }> {
  const { certificate, newlyEarned } = await check(userId, now);
  return { certificate, newlyEarned };
}

/**
 * The trainee's certificate page: the certificate once earned (checked on every visit, so a
 * trainee who already qualified when the core set was saved gets it now), or what remains.
 * Null for someone who is not a trainee.
 */
export async function traineeCertification(
  userId: number,
  now: Date = new Date(),
): Promise<{ certificate: CertificateView; progress: null } | { certificate: null; progress: CertificationProgress } | null> {
  const checked = await check(userId, now);
  if (checked.certificate) return { certificate: checked.certificate, progress: null };
  return checked.progress ? { certificate: null, progress: checked.progress } : null;
}

/** A line for My progress: earned (and when), how much remains, or closed (no core scenarios). */
export type CertificationSummary =
  | { state: "earned"; earnedAt: string }
  | { state: "closed" }
  | { state: "open"; scenariosLeft: number; skillsLeft: number };

export async function certificationSummary(userId: number, now: Date = new Date()): Promise<CertificationSummary> {
  const result = await traineeCertification(userId, now);
  if (!result) return { state: "closed" };
  if (result.certificate) return { state: "earned", earnedAt: result.certificate.earnedAt };
  const { scenarios, skills } = result.progress;
  if (scenarios.length === 0) return { state: "closed" };
  return { state: "open", scenariosLeft: scenarios.filter((scenario) => !scenario.met).length, skillsLeft: skills.filter((skill) => !skill.met).length };
}

/** When each of these users earned their certificate (ISO 8601 UTC); users without one are absent. */
export function certificationDates(userIds: readonly number[]): Promise<Map<number, string>> {
  return listCertificationDates(userIds);
}
