import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/analytics/csv.server";
import { requireTeamView } from "~/analytics/guard.server";
import { buildItemAnalysis, readVersionParam } from "~/analytics/item-analysis.server";
import { ITEM_CSV_HEADER, itemCsvRows } from "~/analytics/item-csv.server";
import { knownScenario } from "~/analytics/scenario-analytics.server";
import { loadScenarioLogs } from "~/analytics/scenario-logs.server";

/** The item-analysis table of one scenario version (same filters and version as the page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTeamView(request, ["manager", "admin", "trainer"]);
  const scenarioId = params.scenarioId ?? "";
  if (!(await knownScenario(scenarioId))) throw new Response("Not found", { status: 404 });
  const items = await buildItemAnalysis(scenarioId, scope, await loadScenarioLogs(scenarioId, scope), readVersionParam(new URL(request.url)));
  const version = items.selected ? `-${items.selected.hash.slice(0, 7)}` : "";
  return csvResponse(`items-${scenarioId}${version}.csv`, ITEM_CSV_HEADER, itemCsvRows(items));
}
