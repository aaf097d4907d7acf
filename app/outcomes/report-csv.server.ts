import { csvResponse } from "~/analytics/csv.server";
import type { ManagerContext } from "~/analytics/guard.server";
import { SKILLS } from "~/domain/vocabulary";
import { simulatedCsatByTrainee } from "~/models/outcome-report.server";
import { WEEK_MS } from "./before-after";
import { DEFAULT_WEEKS } from "./report-vocabulary";
import { gatherReport, readOutcomesQuery } from "./report.server";
import { csatShare, meanRating, resolutionShare, totalsBetween, type TicketTotals } from "./report-tickets";

const fixed = (value: number | null, digits: number) => (value === null ? null : value.toFixed(digits));
const percent = (share: number | null) => fixed(share === null ? null : share * 100, 1);

/**
 * One row per trainee of the view: current mastery (after their last conversation up to the end
 * of the dates), their real helpdesk outcomes over the dates, and, headed as such, the simulated
 * CSAT of their practice conversations over the same dates.
 */
export async function outcomesCsv(context: ManagerContext): Promise<Response> {
  const { scope } = context;
  const [data, simulated] = await Promise.all([gatherReport(context, DEFAULT_WEEKS), simulatedCsatByTrainee(scope)]);
  return csvResponse(
    "customer-outcomes.csv",
    [
      "email",
      "name",
      "mastery",
      ...SKILLS.map((skill) => `${skill}_mastery`),
      "tickets",
      "rated_tickets",
      "real_csat_pct",
      "real_mean_rating_0_1",
      "resolution_known_tickets",
      "real_first_contact_resolution_pct",
      "simulated_csat",
    ],
    data.trainees.map((trainee) => {
      const mastery = data.summaries.get(trainee.id)?.current;
      const totals = totalsBetween(data.tickets.get(trainee.id), data.period.from, data.period.to);
      return [
        trainee.email,
        trainee.name,
        mastery?.overall ?? null,
        ...SKILLS.map((skill) => mastery?.[skill] ?? null),
        totals.tickets,
        totals.rated,
        percent(csatShare(totals)),
        fixed(meanRating(totals), 3),
        totals.resolutionKnown,
        percent(resolutionShare(totals)),
        fixed(simulated.get(trainee.id) ?? null, 2),
      ];
    }),
  );
}

const windowCells = (totals: TicketTotals) => [totals.tickets, totals.rated, percent(csatShare(totals)), totals.resolutionKnown, percent(resolutionShare(totals))];
const windowHeader = (side: "before" | "after") => [`${side}_tickets`, `${side}_rated_tickets`, `${side}_csat_pct`, `${side}_resolution_known_tickets`, `${side}_resolution_pct`];

/**
 * The before-and-after comparison agent by agent: everyone in either group, with their windows,
 * and whether they had enough tickets to count in each comparison.
 */
export async function beforeAfterCsv(context: ManagerContext, url: URL): Promise<Response> {
  const { weeks } = readOutcomesQuery(url);
  const { beforeAfter } = await gatherReport(context, weeks);
  const shift = (iso: string, sign: 1 | -1) => new Date(Date.parse(iso) + sign * weeks * WEEK_MS).toISOString();
  return csvResponse(
    "customer-outcomes-before-after.csv",
    ["group", "email", "name", "milestone_at", "window_from", "window_centre", "window_to", ...windowHeader("before"), ...windowHeader("after"), "in_csat_comparison", "in_resolution_comparison"],
    beforeAfter.agents.map((agent) => [
      agent.group === "trained" ? "reached_milestone" : "control",
      agent.email,
      agent.name,
      agent.milestoneAt,
      shift(agent.centre, -1),
      agent.centre,
      shift(agent.centre, 1),
      ...windowCells(agent.before),
      ...windowCells(agent.after),
      agent.inCsat ? "yes" : "no",
      agent.inResolution ? "yes" : "no",
    ]),
  );
}
