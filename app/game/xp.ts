/**
 * XP for one finished conversation, itemised so the debrief can show where every point came from.
 *
 * XP rewards judgement, never effort spent: the inputs hold no durations, reply lengths or click
 * counts, so none of them can earn anything. Replies earn by their rating (best, fair; poor earns
 * nothing), and mastery earns when a skill reaches a new high. Two limits keep practice honest:
 * replays of a scenario the trainee already handles well earn less each time, down to nothing,
 * and a day's XP stops at a cap. Every limit is its own line, so nothing is taken silently.
 */
import { SKILLS, type Skill } from "~/domain/vocabulary";
import type { Conversation } from "./history";
import { settingOn, type GameSettings } from "./settings";
import { utcDay } from "./time";

export const BEST_REPLY_XP = 10;
export const FAIR_REPLY_XP = 5;
export const POOR_REPLY_XP = 0;
/** Per point by which a skill's mastery passes its previous high; the first high counts from 0. */
export const MASTERY_POINT_XP = 1;
/** A scenario whose best overall so far is at least this is one the trainee handles well. */
export const HANDLED_WELL_AT = 80;
/** Share of reply XP kept by the 1st, 2nd, 3rd… replay of a scenario handled well; later replays keep 0. */
export const REPLAY_PERCENTS: readonly number[] = [50, 25, 10];
export const DAILY_CAP = 400;

export type XpLine =
  | { reason: "best-replies"; count: number; points: number }
  | { reason: "fair-replies"; count: number; points: number }
  /** Replies came faster than they could be read: the replies earn nothing. */
  | { reason: "rushed"; points: number }
  /** `replay`: which replay since the scenario was handled well; `percent`: share of reply XP kept. */
  | { reason: "replay"; replay: number; percent: number; points: number }
  /** `from`: the previous high (0 before the first assessment). */
  | { reason: "mastery-high"; skill: Skill; from: number; to: number; points: number }
  | { reason: "daily-cap"; cap: number; points: number };

export type XpReason = XpLine["reason"];

/** Every reason a line can give, in the order lines appear (checked against XpLine by the compiler). */
export const XP_REASONS = Object.keys({
  "best-replies": 0,
  "fair-replies": 0,
  rushed: 0,
  replay: 0,
  "mastery-high": 0,
  "daily-cap": 0,
} satisfies Record<XpReason, 0>) as XpReason[];

export type XpAward = { attemptId: number; day: string; lines: XpLine[]; total: number };

/** What XP remembers between conversations; plain JSON, so the app may store it. */
export type XpLedger = {
  /** Per scenario id: best overall so far and replays made while it was handled well. */
  scenarios: Record<string, { best: number | null; replays: number }>;
  /** Highest mastery each skill has reached. */
  highs: Record<Skill, number>;
  /** XP awarded on the UTC day of the latest conversation (conversations arrive in order). */
  today: { day: string; earned: number } | null;
};

export const emptyLedger = (): XpLedger => ({
  scenarios: {},
  highs: Object.fromEntries(SKILLS.map((skill) => [skill, 0])) as Record<Skill, number>,
  today: null,
});

export const dailyCapOn = (settings: GameSettings, day: string): number => settingOn(settings.dailyCap, day, DAILY_CAP);

/** Percent of reply XP kept by the n-th replay (1-based) of a scenario handled well. */
export const replayPercent = (replay: number): number => (replay < 1 ? 100 : (REPLAY_PERCENTS[replay - 1] ?? 0));

/** The XP lines of `conversation`, given mastery right after it, and the ledger to keep. */
export function awardXp(
  ledger: XpLedger,
  conversation: Conversation,
  masteryAfter: Record<Skill, number | null>,
  settings: GameSettings,
): { award: XpAward; ledger: XpLedger } {
  const lines: XpLine[] = [];
  const { best, fair } = conversation.replies;
  if (best > 0) lines.push({ reason: "best-replies", count: best, points: best * BEST_REPLY_XP });
  if (fair > 0) lines.push({ reason: "fair-replies", count: fair, points: fair * FAIR_REPLY_XP });
  let replyPoints = best * BEST_REPLY_XP + fair * FAIR_REPLY_XP + conversation.replies.poor * POOR_REPLY_XP;
  if (conversation.rushed && replyPoints > 0) {
    lines.push({ reason: "rushed", points: -replyPoints });
    replyPoints = 0;
  }

  const scenario = ledger.scenarios[conversation.scenarioId] ?? { best: null, replays: 0 };
  const handledWell = scenario.best !== null && scenario.best >= HANDLED_WELL_AT;
  const replay = handledWell ? scenario.replays + 1 : 0;
  const percent = replayPercent(replay);
  if (percent < 100 && replyPoints > 0) {
    // Rounded down, so a replay never earns more than its share.
    lines.push({ reason: "replay", replay, percent, points: Math.floor((replyPoints * percent) / 100) - replyPoints });
  }

  const highs = { ...ledger.highs };
  for (const skill of SKILLS) {
    const mastery = masteryAfter[skill];
    if (mastery === null || mastery <= highs[skill]) continue;
    lines.push({ reason: "mastery-high", skill, from: highs[skill], to: mastery, points: (mastery - highs[skill]) * MASTERY_POINT_XP });
    highs[skill] = mastery;
  }

  const day = utcDay(conversation.endedAt);
  const cap = dailyCapOn(settings, day);
  const earnedToday = ledger.today?.day === day ? ledger.today.earned : 0;
  const subtotal = lines.reduce((sum, line) => sum + line.points, 0);
  const allowed = Math.max(0, cap - earnedToday);
  if (subtotal > allowed) lines.push({ reason: "daily-cap", cap, points: allowed - subtotal });
  const total = Math.min(subtotal, allowed);

  const overall = conversation.overall;
  return {
    award: { attemptId: conversation.id, day, lines, total },
    ledger: {
      scenarios: {
        ...ledger.scenarios,
        [conversation.scenarioId]: {
          best: overall === null ? scenario.best : Math.max(scenario.best ?? overall, overall),
          replays: scenario.replays + (handledWell ? 1 : 0),
        },
      },
      highs,
      today: { day, earned: earnedToday + total },
    },
  };
}

/** One rule for the "How XP works" page: a copy key and the numbers it states. */
export type RuleText = { id: string; values: Readonly<Record<string, number>> };

/** The XP rules with their numbers, in reading order; `dailyCap`: the cap in force today. */
export function rulesText(dailyCap: number = DAILY_CAP): readonly RuleText[] {
  return [
    { id: "best-reply", values: { points: BEST_REPLY_XP } },
    { id: "fair-reply", values: { points: FAIR_REPLY_XP } },
    { id: "poor-reply", values: { points: POOR_REPLY_XP } },
    { id: "rushed", values: {} },
    { id: "mastery-high", values: { points: MASTERY_POINT_XP } },
    { id: "no-dip-and-recovery", values: {} },
    {
      id: "replays",
      values: {
        score: HANDLED_WELL_AT,
        ...Object.fromEntries(REPLAY_PERCENTS.map((percent, i) => [`replay${i + 1}`, percent])),
        later: replayPercent(REPLAY_PERCENTS.length + 1),
      },
    },
    { id: "daily-cap", values: { cap: dailyCap } },
    { id: "never-for-effort", values: {} },
  ];
}
