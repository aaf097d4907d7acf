import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEMO_SIGN_INS, DEMO_TRAINEE_EMAILS } from "~/accounts/demo.server";
import { correlation, mean } from "~/analytics/stats";
import { OUTCOME_FIELDS } from "~/domain/outcomes";
import { seededRandom } from "~/engine/random";
import { checkOutcome, type RawOutcome } from "./row";
import {
  HELPDESK_CHANNELS,
  helpdeskCsv,
  overallMasteryTimeline,
  synthesiseHelpdeskTickets,
  UNKNOWN_HELPDESK_AGENT,
  type HelpdeskAgent,
  type HelpdeskOptions,
  type HelpdeskTicket,
} from "./synthetic-helpdesk";

const DAY_MS = 24 * 60 * 60 * 1000;
const FROM = Date.parse("2026-03-02T00:00:00Z");
const TO = FROM + 26 * 7 * DAY_MS;
const OPTIONS: HelpdeskOptions = { from: FROM, to: TO, seed: 42, ticketsPerWeek: { min: 6, max: 14 }, unknownAgent: UNKNOWN_HELPDESK_AGENT };
const MILESTONE = 70;
const WINDOW_MS = 28 * DAY_MS;

/**
 * A population of agents whose mastery moves like trainees' do: a start anywhere from weak to
 * middling, a learning curve (an S) to up to 45 points higher around a time of its own, the noise
 * of a mean over the last few conversations, and a point every few days.
 */
function population(size: number, seed = 1): HelpdeskAgent[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, i) => {
    const start = 35 + 35 * random();
    const end = start + 45 * random();
    const centre = 0.15 + 0.7 * random();
    const steepness = 8 + 10 * random();
    const timeline = [];
    for (let at = FROM + random() * 4 * DAY_MS; at < TO; at += (2 + 4 * random()) * DAY_MS) {
      const level = start + (end - start) / (1 + Math.exp(-steepness * ((at - FROM) / (TO - FROM) - centre)));
      timeline.push({ at, mastery: Math.round(Math.min(100, level + 8 * (random() - 0.5))) });
    }
    return { email: `agent${i}@frontline.test`, timeline };
  });
}

const satisfiedShare = (tickets: readonly HelpdeskTicket[]) => {
  const rated = tickets.filter((ticket) => ticket.rating !== null);
  return rated.length === 0 ? null : rated.filter((ticket) => ticket.rating! >= 4).length / rated.length;
};

function ticketsByAgent(tickets: readonly HelpdeskTicket[]): Map<string, HelpdeskTicket[]> {
  const byAgent = new Map<string, HelpdeskTicket[]>();
  for (const ticket of tickets) byAgent.set(ticket.agentEmail, [...(byAgent.get(ticket.agentEmail) ?? []), ticket]);
  return byAgent;
}

const between = (tickets: readonly HelpdeskTicket[], from: number, to: number) =>
  tickets.filter((ticket) => Date.parse(ticket.dateTime) >= from && Date.parse(ticket.dateTime) < to);

describe("synthesiseHelpdeskTickets", () => {
  const agents = population(400);
  const tickets = synthesiseHelpdeskTickets(agents, OPTIONS);

  it("gives the same rows for the same seed, and another seed other rows", () => {
    const few = agents.slice(0, 5);
    expect(synthesiseHelpdeskTickets(few, OPTIONS)).toEqual(synthesiseHelpdeskTickets(few, OPTIONS));
    expect(synthesiseHelpdeskTickets(few, { ...OPTIONS, seed: 43 })).not.toEqual(synthesiseHelpdeskTickets(few, OPTIONS));
  });

  it("gives an agent the same tickets whoever else is in the export (only the numbering moves)", () => {
    const strip = (rows: HelpdeskTicket[]) => rows.filter((t) => t.agentEmail === agents[3]!.email).map(({ ticketId: _id, ...rest }) => rest);
    expect(strip(synthesiseHelpdeskTickets(agents.slice(0, 4), OPTIONS))).toEqual(strip(synthesiseHelpdeskTickets(agents.slice(3, 9), OPTIONS)));
  });

  it("numbers tickets uniquely in time order, within the span, in working hours mostly", () => {
    expect(new Set(tickets.map((ticket) => ticket.ticketId)).size).toBe(tickets.length);
    const times = tickets.map((ticket) => Date.parse(ticket.dateTime));
    expect(times.every((time, i) => time >= FROM && time < TO && (i === 0 || time >= times[i - 1]!))).toBe(true);
    const hours = tickets.map((ticket) => new Date(ticket.dateTime).getUTCHours());
    expect(hours.filter((hour) => hour >= 7 && hour < 19).length / hours.length).toBeGreaterThan(0.95);
  });

  it("varies the agents' volumes, each around a weekly rate", () => {
    const weekly = [...ticketsByAgent(tickets).entries()].filter(([email]) => email !== UNKNOWN_HELPDESK_AGENT).map(([, rows]) => rows.length / 26);
    expect(Math.min(...weekly)).toBeGreaterThan(4);
    expect(Math.max(...weekly)).toBeLessThan(16);
    expect(Math.max(...weekly) - Math.min(...weekly)).toBeGreaterThan(5);
  });

  it("has about two customers in five answer the survey, and uses every channel", () => {
    const rated = tickets.filter((ticket) => ticket.rating !== null).length / tickets.length;
    expect(rated).toBeGreaterThan(0.35);
    expect(rated).toBeLessThan(0.5);
    expect(new Set(tickets.map((ticket) => ticket.channel))).toEqual(new Set(HELPDESK_CHANNELS));
    const reopened = tickets.filter((ticket) => ticket.reopened).length / tickets.length;
    expect(reopened).toBeGreaterThan(0.02);
    expect(reopened).toBeLessThan(0.1);
  });

  it("adds a few tickets from a helpdesk agent who is not a Frontline user, in the last weeks", () => {
    const temp = tickets.filter((ticket) => ticket.agentEmail === UNKNOWN_HELPDESK_AGENT);
    expect(temp.length).toBeGreaterThan(3);
    expect(temp.length).toBeLessThan(30);
    expect(temp.every((ticket) => Date.parse(ticket.dateTime) >= TO - 21 * DAY_MS)).toBe(true);
    expect(synthesiseHelpdeskTickets(agents.slice(0, 2), { ...OPTIONS, unknownAgent: null }).some((t) => t.agentEmail === UNKNOWN_HELPDESK_AGENT)).toBe(false);
  });

  it("links mastery and satisfaction positively but modestly across agents (r 0.2–0.45)", () => {
    const byAgent = ticketsByAgent(tickets);
    const mastery = agents.map((agent) => agent.timeline[agent.timeline.length - 1]!.mastery!);
    const csat = agents.map((agent) => satisfiedShare(byAgent.get(agent.email)!)!);
    const r = correlation(mastery, csat)!;
    expect(r).toBeGreaterThan(0.2);
    expect(r).toBeLessThan(0.45);
    const resolved = agents.map((agent) => {
      const rows = byAgent.get(agent.email)!;
      return rows.filter((ticket) => ticket.solvedOnFirstContact && !ticket.reopened).length / rows.length;
    });
    expect(correlation(mastery, resolved)!).toBeGreaterThan(0.05);
    expect(correlation(mastery, resolved)!).toBeLessThan(0.45);
  });

  it("follows mastery at the ticket's time: a small gain after the milestone, beyond what agents who never reach it see", () => {
    const byAgent = ticketsByAgent(tickets);
    const change = (agent: HelpdeskAgent, centre: number) => {
      const rows = byAgent.get(agent.email)!;
      const before = between(rows, centre - WINDOW_MS, centre).filter((ticket) => ticket.rating !== null);
      const after = between(rows, centre, centre + WINDOW_MS).filter((ticket) => ticket.rating !== null);
      return before.length < 10 || after.length < 10 ? null : satisfiedShare(after)! - satisfiedShare(before)!;
    };
    const trained: number[] = [];
    const milestones: number[] = [];
    const never: HelpdeskAgent[] = [];
    for (const agent of agents) {
      const milestone = agent.timeline.find((point) => point.mastery! >= MILESTONE);
      if (!milestone) never.push(agent);
      else if (milestone.at > FROM + WINDOW_MS && milestone.at < TO - WINDOW_MS) {
        milestones.push(milestone.at);
        const value = change(agent, milestone.at);
        if (value !== null) trained.push(value);
      }
    }
    const centre = milestones.sort((a, b) => a - b)[Math.floor(milestones.length / 2)]!;
    const control = never.map((agent) => change(agent, centre)).filter((value) => value !== null);
    expect(trained.length).toBeGreaterThan(100);
    expect(control.length).toBeGreaterThan(50);
    const gain = mean(trained)!;
    expect(gain).toBeGreaterThan(0.02);
    expect(gain).toBeLessThan(0.1);
    expect(gain).toBeGreaterThan(mean(control)!);
    // Small against how much one agent's month differs from the next.
    const spread = Math.sqrt(mean(trained.map((value) => (value - gain) ** 2))!);
    expect(spread).toBeGreaterThan(2 * gain);
  });
});

describe("helpdeskCsv", () => {
  const tickets = synthesiseHelpdeskTickets(population(3, 9), OPTIONS);
  const csv = helpdeskCsv(tickets);
  const [header, ...rows] = parse(csv) as string[][];

  it("writes exactly the generic template's columns: no customer's name, address or words", () => {
    expect(header).toEqual([...OUTCOME_FIELDS]);
    expect(rows).toHaveLength(tickets.length);
    expect(rows.every((row) => row.length === OUTCOME_FIELDS.length)).toBe(true);
    expect(rows.every((row) => row.filter((cell) => cell.includes("@")).length === 1)).toBe(true);
  });

  it("writes rows that the import reads without a single refusal", () => {
    const now = new Date(TO + DAY_MS);
    for (const row of rows) {
      const raw = Object.fromEntries(OUTCOME_FIELDS.map((field, i) => [field, row[i]!])) as RawOutcome;
      const checked = checkOutcome(raw, "1-5", now);
      expect(checked.ok, JSON.stringify(checked)).toBe(true);
      expect(raw.rating === "" || ["1", "2", "3", "4", "5"].includes(raw.rating)).toBe(true);
      expect(["yes", "no"]).toContain(raw.solved_on_first_contact);
      expect(["yes", "no"]).toContain(raw.reopened);
      expect(raw.date_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });
});

describe("overallMasteryTimeline", () => {
  it("is the outcomes page's overall mastery after each attempt, in time order", () => {
    const none = { listening: null, empathy: null, calm: null, persuasion: null, expectations: null };
    const timeline = overallMasteryTimeline([
      { endedAt: "2026-03-05T10:00:00.000Z", scores: { ...none, empathy: 80, calm: 40 } },
      { endedAt: "2026-03-03T10:00:00.000Z", scores: { ...none, empathy: 60 } },
      { endedAt: "2026-03-04T10:00:00.000Z", scores: none },
    ]);
    expect(timeline).toEqual([
      { at: Date.parse("2026-03-03T10:00:00.000Z"), mastery: 60 },
      { at: Date.parse("2026-03-04T10:00:00.000Z"), mastery: 60 },
      // empathy (60 + 80) / 2 = 70 and calm 40: overall (70 + 40) / 2 = 55.
      { at: Date.parse("2026-03-05T10:00:00.000Z"), mastery: 55 },
    ]);
  });
});

/**
 * The sample a trainer can download and upload by hand (public/samples/): the demo trainees and
 * one unknown helpdesk agent over eight fixed weeks, about 300 rows. Regenerate it after a change
 * to the generator or the demo roster with `npx vitest run -u app/outcomes/synthetic-helpdesk.test.ts`.
 */
describe("the shipped sample export", () => {
  it("is what the generator makes for the demo trainees", async () => {
    const from = Date.parse("2026-09-07T00:00:00Z");
    const to = from + 8 * 7 * DAY_MS;
    const random = seededRandom(11);
    const beginner = DEMO_SIGN_INS.find((account) => account.role === "trainee")!.email;
    const agents = DEMO_TRAINEE_EMAILS.map((email) => {
      const start = 40 + 30 * random();
      const growth = 25 * random();
      const timeline = [];
      // The demo's listed trainee has never practised, in the sample as in the demo.
      for (let at = from + 2 * DAY_MS; email !== beginner && at < to; at += 4 * DAY_MS) {
        timeline.push({ at, mastery: Math.round(start + (growth * (at - from)) / (to - from)) });
      }
      return { email, timeline };
    });
    const tickets = synthesiseHelpdeskTickets(agents, { from, to, seed: 11, ticketsPerWeek: { min: 4, max: 7 }, firstTicketNumber: 900_001, unknownAgent: UNKNOWN_HELPDESK_AGENT });
    expect(tickets.length).toBeGreaterThan(250);
    expect(tickets.length).toBeLessThan(350);
    await expect(helpdeskCsv(tickets)).toMatchFileSnapshot("../../public/samples/helpdesk-export-sample.csv");
  });
});
