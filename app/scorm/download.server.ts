import { i18next } from "~/i18n/i18next.server";
import { libraryPackage, scenarioPackage, type ScormDownload } from "./package.server";
import { isScormVersion } from "./versions";

/**
 * "Download SCORM package": the zip for one published scenario or for the whole library, in the edition the form
 * chose (`?v=1.2` or `?v=2004`). The package opens scenarios at the origin it was downloaded from.
 */
export async function scormDownload(request: Request, scenarioId: string | null): Promise<Response> {
  const t = await i18next.getFixedT(request);
  const url = new URL(request.url);
  const version = url.searchParams.get("v") ?? "";
  if (!isScormVersion(version)) return plain(400, t("scorm.download.badVersion", { value: version }));
  const download: ScormDownload | null =
    scenarioId === null ? await libraryPackage(version, url.origin, t) : await scenarioPackage(scenarioId, version, url.origin, t);
  if (!download) return plain(404, scenarioId === null ? t("scorm.download.emptyLibrary") : t("scorm.launch.noScenario", { id: scenarioId }));
  return new Response(download.bytes, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${download.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
