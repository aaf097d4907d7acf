import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { scormDownload } from "~/scorm/download.server";

/** "Download SCORM package" of the whole library: one SCO per published scenario, `?v=1.2` or `?v=2004`. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  return scormDownload(request, null);
}
