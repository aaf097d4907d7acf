import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTeamView } from "~/analytics/guard.server";
import { beforeAfterCsv } from "~/outcomes/report-csv.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return beforeAfterCsv(await requireTeamView(request), new URL(request.url));
}
