import { stringify } from "csv-stringify/sync";
import { MASTERY_WINDOW, masteryTrajectory, meanMastery } from "~/analytics/mastery";
import { OUTCOME_FIELDS } from "~/domain/outcomes";
import type { Skill } from "~/domain/vocabulary";
import { hash32, seededRandom } from "~/engine/random";

/**
 * A synthetic helpdesk export for the demo and `db:seed`: tickets whose satisfaction and
 * first-contact resolution follow each agent's Frontline mastery *at the ticket's time*, but only a
 * little. Real outcomes depend far more on who the agent is, the week's mix of problems and the
 * customer than on any training, and a demo that showed training as the whole story would teach
 * managers to over-read the outcomes page. So each agent gets a random baseline several times
 * larger than the effect of mastery, every week adds noise, and not every customer rates.
 * Pure and seeded: the same agents and options give the same rows, whatever else is generated.
 */

export const HELPDESK_CHANNELS = ["phone", "chat", "email"] as const;
export type HelpdeskChannel = (typeof HELPDESK_CHANNELS)[number];

/** Overall mastery (0–100) after an attempt that ended at `at` (ms since the epoch). */
export type MasteryPoint = { at: number; mastery: number | null };
export type HelpdeskAgent = { email: string; timeline: readonly MasteryPoint[] };

export type HelpdeskTicket = {
  ticketId: string;
  agentEmail: string;
  /** ISO 8601 UTC, whole seconds. */
  dateTime: string;
  /** 1–5; null when the customer did not answer the survey. */
  rating: number | null;
  solvedOnFirstContact: boolean;
  reopened: boolean;
  channel: HelpdeskChannel;
};

export type HelpdeskOptions = {
  /** The span of the export, ms since the epoch: [from, to). */
  from: number;
  to: number;
  seed: number;
  /** Each agent's mean weekly volume is drawn evenly from this range. */
  ticketsPerWeek: { min: number; max: number };
  /** Numbers the tickets in time order from here, like a helpdesk's own ids. */
  firstTicketNumber?: number;
  /** A helpdesk agent with no Frontline account, who covered the last weeks (exercises agent mapping). */
  unknownAgent?: string | null;
};

export const UNKNOWN_HELPDESK_AGENT = "temp.agent@helpdesk.example";

/**
 * How long before the first practice a synthetic export starts: the outcomes page's default
 * window. A helpdesk's history predates Frontline, and without it an agent who reaches the
 * milestone in their first weeks of practice (most of them) would have no "before" to compare.
 */
export const HELPDESK_LEAD_IN_MS = 28 * 24 * 60 * 60 * 1000;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Mastery is centred here, so an agent with no training history gets no push either way. */
const NEUTRAL_MASTERY = 60;
// Logit-scale effects. Ten mastery points move satisfaction by 0.2 and resolution by 0.15, about
// 3 percentage points each, against an agent baseline with a spread of 0.8 (some ±13 points) and
// week-to-week noise of 0.35. Over a population that gives r ≈ 0.3–0.4 between mastery and CSAT and
// a gain of a few points after the milestone (synthetic-helpdesk.test.ts holds both to a band).
const SATISFIED = { intercept: 1.0, perTenPoints: 0.2, agentSpread: 0.8, weekSpread: 0.35, resolvedBonus: 0.7, unresolvedPenalty: -0.9 };
const RESOLVED = { intercept: 0.85, perTenPoints: 0.15, agentSpread: 0.5, weekSpread: 0.3 };
const CHANNEL_MIX: Record<HelpdeskChannel, { share: number; resolution: number; rated: number }> = {
  // Phone calls resolve more often on first contact, emails less; chat surveys are answered most.
  phone: { share: 0.35, resolution: 0.3, rated: 0.36 },
  chat: { share: 0.4, resolution: 0, rated: 0.5 },
  email: { share: 0.25, resolution: -0.4, rated: 0.38 },
};
const REOPENED = { afterSolved: 0.04, afterUnsolved: 0.1 };

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Poisson draw (Knuth's product of uniforms; the weekly means here stay well below 100). */
function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count++;
  return count;
}

/**
 * An agent's overall mastery after each finished attempt, the rule of the outcomes page
 * (masteryTrajectory, then meanMastery). Attempts in any order; they are sorted by end time.
 */
export function overallMasteryTimeline(attempts: readonly { endedAt: string; scores: Record<Skill, number | null> }[]): MasteryPoint[] {
  const sorted = [...attempts].sort((a, b) => a.endedAt.localeCompare(b.endedAt));
  const trajectory = masteryTrajectory(sorted.map((attempt) => attempt.scores));
  return sorted.map((attempt, i) => ({ at: Date.parse(attempt.endedAt), mastery: meanMastery(trajectory[i]!) }));
}

/**
 * Mastery when the ticket was handled: after the last attempt before it. Until the window of
 * MASTERY_WINDOW conversations has filled, mastery is the mean of one or two scores and swings
 * with each (a lucky first conversation can cross the milestone); the value once it has filled
 * stands in for those early weeks and for the time before practice began, as the agent's level then.
 */
function masteryAtTime(timeline: readonly MasteryPoint[]): (at: number) => number {
  const known = timeline.filter((point) => point.mastery !== null).sort((a, b) => a.at - b.at);
  if (known.length === 0) return () => NEUTRAL_MASTERY;
  const settled = Math.min(known.length, MASTERY_WINDOW) - 1;
  return (at) => {
    let low = settled;
    let high = known.length - 1;
    if (known[low]!.at > at) return known[settled]!.mastery!;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (known[middle]!.at <= at) low = middle;
      else high = middle - 1;
    }
    return known[low]!.mastery!;
  };
}

function pickChannel(random: () => number): HelpdeskChannel {
  let pick = random();
  for (const channel of HELPDESK_CHANNELS) if ((pick -= CHANNEL_MIX[channel].share) < 0) return channel;
  return "chat";
}

/** 4–5 when satisfied (mostly 5), else 1–3 with the extremes more common than the middle, as surveys show. */
function ratingOf(satisfied: boolean, random: () => number): number {
  const pick = random();
  if (satisfied) return pick < 0.62 ? 5 : 4;
  return pick < 0.4 ? 1 : pick < 0.65 ? 2 : 3;
}

/** A working-hours time within [start, end): weekdays mostly, 07:00–19:00 UTC. */
function ticketTime(start: number, end: number, random: () => number): number {
  for (let tries = 0; tries < 8; tries++) {
    const at = start + random() * (end - start);
    const day = new Date(at).getUTCDay();
    if ((day === 0 || day === 6) && random() > 0.3) continue;
    const midnight = Math.floor(at / DAY_MS) * DAY_MS;
    const within = midnight + 7 * 3_600_000 + random() * 12 * 3_600_000;
    if (within >= start && within < end) return within;
  }
  return start + random() * (end - start);
}

type Draft = Omit<HelpdeskTicket, "ticketId" | "dateTime"> & { at: number };

function agentTickets(agent: HelpdeskAgent, options: HelpdeskOptions, span: { from: number; to: number }): Draft[] {
  const random = seededRandom(hash32(`helpdesk:${options.seed}:${agent.email.toLowerCase()}`));
  const { min, max } = options.ticketsPerWeek;
  const volume = min + random() * (max - min);
  const satisfiedBase = SATISFIED.agentSpread * normal(random);
  const resolvedBase = RESOLVED.agentSpread * normal(random);
  const masteryAt = masteryAtTime(agent.timeline);
  const drafts: Draft[] = [];
  for (let weekStart = span.from; weekStart < span.to; weekStart += WEEK_MS) {
    const weekEnd = Math.min(span.to, weekStart + WEEK_MS);
    // A busy week, a quiet one, a holiday: volume and quality both wander from week to week.
    const count = poisson(volume * (0.7 + 0.6 * random()) * ((weekEnd - weekStart) / WEEK_MS), random);
    const satisfiedWeek = SATISFIED.weekSpread * normal(random);
    const resolvedWeek = RESOLVED.weekSpread * normal(random);
    for (let n = 0; n < count; n++) {
      const at = ticketTime(weekStart, weekEnd, random);
      const tens = (masteryAt(at) - NEUTRAL_MASTERY) / 10;
      const channel = pickChannel(random);
      const solved = random() < logistic(RESOLVED.intercept + RESOLVED.perTenPoints * tens + resolvedBase + resolvedWeek + CHANNEL_MIX[channel].resolution);
      const reopened = random() < (solved ? REOPENED.afterSolved : REOPENED.afterUnsolved);
      const outcome = solved && !reopened ? SATISFIED.resolvedBonus : SATISFIED.unresolvedPenalty;
      const satisfied = random() < logistic(SATISFIED.intercept + SATISFIED.perTenPoints * tens + satisfiedBase + satisfiedWeek + outcome);
      const rated = random() < CHANNEL_MIX[channel].rated;
      const rating = ratingOf(satisfied, random);
      drafts.push({ agentEmail: agent.email, at, rating: rated ? rating : null, solvedOnFirstContact: solved, reopened, channel });
    }
  }
  return drafts;
}

/**
 * Every agent's tickets over [from, to), in time order, numbered from `firstTicketNumber`. With
 * `unknownAgent`, a few more tickets from someone who is not a Frontline user, in the last three weeks.
 */
export function synthesiseHelpdeskTickets(agents: readonly HelpdeskAgent[], options: HelpdeskOptions): HelpdeskTicket[] {
  const drafts = agents.flatMap((agent) => agentTickets(agent, options, options));
  if (options.unknownAgent) {
    const temp = { email: options.unknownAgent, timeline: [] };
    const from = Math.max(options.from, options.to - 3 * WEEK_MS);
    drafts.push(...agentTickets(temp, { ...options, ticketsPerWeek: { min: 4, max: 6 } }, { from, to: options.to }));
  }
  drafts.sort((a, b) => a.at - b.at || a.agentEmail.localeCompare(b.agentEmail));
  const first = options.firstTicketNumber ?? 100_001;
  return drafts.map(({ at, ...draft }, i) => ({
    ticketId: String(first + i),
    dateTime: new Date(Math.floor(at / 1000) * 1000).toISOString().replace(".000Z", "Z"),
    ...draft,
  }));
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** The tickets as a CSV in Frontline's generic template (OUTCOME_FIELDS), an empty rating where none was given. */
export function helpdeskCsv(tickets: readonly HelpdeskTicket[]): string {
  return stringify(
    tickets.map((ticket) => [
      ticket.ticketId,
      ticket.agentEmail,
      ticket.dateTime,
      ticket.rating === null ? "" : String(ticket.rating),
      yesNo(ticket.solvedOnFirstContact),
      yesNo(ticket.reopened),
      ticket.channel,
    ]),
    { header: true, columns: [...OUTCOME_FIELDS] },
  );
}
