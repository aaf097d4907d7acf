/** Builders for the game tests: a plain attempt with neutral defaults, changed only where a test says. */
import { SKILLS, type Skill } from "~/domain/vocabulary";
import type { Conversation, GameAttempt } from "./history";

let nextId = 1;

export const noScores = (): Record<Skill, number | null> => Object.fromEntries(SKILLS.map((skill) => [skill, null])) as Record<Skill, number | null>;

export function attempt(fields: Partial<Omit<GameAttempt, "scores">> & { scores?: Partial<Record<Skill, number | null>> } = {}): GameAttempt {
  const { scores, ...rest } = fields;
  return {
    id: nextId++,
    status: "completed",
    scenarioId: "parcel-third-call",
    persona: "patient",
    channel: "chat",
    difficulty: 1,
    endedAt: "2026-03-02T10:00:00.000Z",
    outcome: "neutral",
    overall: null,
    replies: { best: 0, fair: 0, poor: 0 },
    lowestMood: 0,
    rushed: false,
    ...rest,
    scores: { ...noScores(), ...scores },
  };
}

/** A finished conversation (the builder's defaults already are one). */
export const conversation = (fields: Parameters<typeof attempt>[0] = {}): Conversation => attempt(fields) as Conversation;

/** "2026-03-02T10:00:00.000Z" plus `minutes`: successive times on one day or across days. */
export const at = (minutes: number, start = "2026-03-02T10:00:00.000Z"): string => new Date(Date.parse(start) + minutes * 60_000).toISOString();
