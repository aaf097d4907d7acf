import * as z from "zod";
import type { ManagerContext } from "~/analytics/guard.server";
import { MIN_AGENTS_FOR_BEFORE_AFTER, MIN_AGENTS_FOR_CORRELATION, MIN_TICKETS_PER_WINDOW } from "~/analytics/outcome-stats";
import {
  hasRealOutcomes,
  masteryHistories,
  ticketsOfTrainees,
  traineesOfTeams,
  unknownAgentTickets,
  type ImportVisibility,
  type Trainee,
} from "~/models/outcome-report.server";
import { buildAgentsView, type AgentsView } from "./agents-scatter";
import { buildBeforeAfter, WEEK_MS, type BeforeAfterView } from "./before-after";
import { averageOverallByMonth, summariseMastery, type MasterySummary } from "./report-mastery";
import { DEFAULT_WEEKS, MASTERY_KEYS, MAX_WEEKS } from "./report-vocabulary";
import { csatShare, indexTickets, monthsBetween, resolutionShare, shiftIso, totalsBetween, totalsByMonth, type TicketIndex } from "./report-tickets";

const Query = z.object({
  weeks: z.coerce.number().int().min(1).max(MAX_WEEKS).catch(DEFAULT_WEEKS),
  mastery: z.enum(MASTERY_KEYS).catch("overall"),
});
/** The page's own query: weeks either side of the milestone, and which mastery the scatter plots. */
export type OutcomesQuery = z.infer<typeof Query>;

/** `weeks` (1–12) and `mastery` (overall or a skill); anything else is the default, so an old link still opens. */
export function readOutcomesQuery(url: URL): OutcomesQuery {
  return Query.parse({ weeks: url.searchParams.get("weeks") ?? undefined, mastery: url.searchParams.get("mastery") ?? undefined });
}

/** Everything the page and the exports are made from, for one viewer and scope. */
export type ReportData = {
  trainees: Trainee[];
  summaries: Map<number, MasterySummary>;
  tickets: Map<number, TicketIndex>;
  /** The scope's dates in ms. */
  period: { from: number; to: number };
  beforeAfter: BeforeAfterView;
};

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Who may be counted among unmapped helpdesk agents: see ImportVisibility. */
function visibilityOf({ user, filters, scope }: ManagerContext): ImportVisibility {
  return { teamIds: scope.teamIds, wholeOrganisation: user.role === "admin" && filters.team === undefined };
}

/** The trainees, their mastery and their tickets (with N weeks either side of the period for the windows). */
export async function gatherReport({ scope }: ManagerContext, weeks: number): Promise<ReportData> {
  const margin = weeks * WEEK_MS;
  const [trainees, histories, tickets] = await Promise.all([
    traineesOfTeams(scope.teamIds),
    masteryHistories(scope.teamIds, scope.to),
    ticketsOfTrainees(scope.teamIds, shiftIso(scope.from, -margin), shiftIso(scope.to, margin)),
  ]);
  const summaries = new Map(histories.map((history) => [history.userId, summariseMastery(history)]));
  const byAgent = new Map(tickets.map((agent) => [agent.userId, indexTickets(agent)]));
  const beforeAfter = buildBeforeAfter({ trainees, summaries, tickets: byAgent, period: scope, weeks });
  return { trainees, summaries, tickets: byAgent, beforeAfter, period: { from: Date.parse(scope.from), to: Date.parse(scope.to) } };
}

export type MonthRow = { period: string; tickets: number; rated: number; csat: number | null; resolution: number | null; mastery: number | null };

export type OutcomesReport =
  | { hasOutcomes: false; query: OutcomesQuery }
  | {
      hasOutcomes: true;
      query: OutcomesQuery;
      agents: AgentsView;
      beforeAfter: Omit<BeforeAfterView, "agents">;
      months: MonthRow[];
      /** Tickets in the period whose helpdesk agent is not mapped to anyone. */
      unknown: { tickets: number; agents: number };
      minimums: { agents: number; beforeAfter: number; ticketsPerWindow: number };
    };

/** The customer outcomes page: real helpdesk outcomes against mastery, for the viewer's teams and dates. */
export async function buildOutcomesReport(context: ManagerContext, url: URL): Promise<OutcomesReport> {
  const query = readOutcomesQuery(url);
  const visibility = visibilityOf(context);
  if (!(await hasRealOutcomes(visibility))) return { hasOutcomes: false, query };
  const { scope } = context;
  const [data, unknown] = await Promise.all([gatherReport(context, query.weeks), unknownAgentTickets(visibility, scope)]);

  const agents = buildAgentsView(
    data.trainees.map((trainee) => ({
      id: trainee.id,
      name: trainee.name,
      mastery: data.summaries.get(trainee.id)?.current ?? null,
      totals: totalsBetween(data.tickets.get(trainee.id), data.period.from, data.period.to),
    })),
    query.mastery,
  );

  const byMonth = totalsByMonth(data.tickets.values(), data.period.from, data.period.to);
  const periods = byMonth.size === 0 ? [] : monthsBetween([...byMonth.keys()][0]!, [...byMonth.keys()].at(-1)!);
  const mastery = averageOverallByMonth([...data.summaries.values()], periods);
  const months = periods.map((period): MonthRow => {
    const totals = byMonth.get(period);
    return {
      period,
      tickets: totals?.tickets ?? 0,
      rated: totals?.rated ?? 0,
      csat: totals ? percent(csatShare(totals)) : null,
      resolution: totals ? percent(resolutionShare(totals)) : null,
      mastery: mastery.get(period) ?? null,
    };
  });

  const { agents: _perAgent, ...beforeAfter } = data.beforeAfter;
  return {
    hasOutcomes: true,
    query,
    agents,
    beforeAfter,
    months,
    unknown,
    minimums: { agents: MIN_AGENTS_FOR_CORRELATION, beforeAfter: MIN_AGENTS_FOR_BEFORE_AFTER, ticketsPerWindow: MIN_TICKETS_PER_WINDOW },
  };
}
