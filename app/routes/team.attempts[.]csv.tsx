import type { LoaderFunctionArgs } from "@remix-run/node";
import { ATTEMPTS_CSV_HEADER, attemptsCsvRows } from "~/analytics/attempts-export.server";
import { csvResponse } from "~/analytics/csv.server";
import { requireTeamView } from "~/analytics/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireTeamView(request);
  return csvResponse("attempts.csv", [...ATTEMPTS_CSV_HEADER], await attemptsCsvRows(scope));
}
