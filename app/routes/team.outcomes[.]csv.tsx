import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTeamView } from "~/analytics/guard.server";
import { outcomesCsv } from "~/outcomes/report-csv.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return outcomesCsv(await requireTeamView(request));
}
