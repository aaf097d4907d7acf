import { readFile } from "node:fs/promises";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import type { TFunction } from "i18next";
import { projectRoot } from "#db/paths.server";
import { passMarkNow } from "~/grading/pass-mark.server";
import { getLibrary } from "~/library/catalog.server";
import "~/locales/en/scorm";
import { buildManifest, escapeXml } from "./manifest.server";
import type { ScormVersion } from "./versions";

/**
 * A SCORM package: imsmanifest.xml, one small HTML page per scenario (its SCO) and the shared launch script and
 * style sheet. Anyone can read the zip, so it holds no secret and no scenario content: a scenario's id and title,
 * Frontline's origin and the page's words. The scenario itself is played in Frontline, where the learner signs in.
 */

export type PackageScenario = { id: string; title: string };

export type PackageInput = {
  version: ScormVersion;
  /** Frontline's own origin (where the launch page opens the scenario and whose messages it accepts). */
  frontlineOrigin: string;
  /** One scenario, or the whole library. */
  scope: { kind: "scenario"; scenario: PackageScenario } | { kind: "library"; title: string; scenarios: readonly PackageScenario[] };
  /**
   * The admin's pass mark at download: SCORM 1.2's mastery score, and what the page names until Frontline's message
   * names the one it judged by. A package does not follow later changes: 1.2 packages must be downloaded again.
   */
  passMark: number;
  t: TFunction;
};

export const LAUNCH_PATH = "/scorm/launch";
const SHARED = { script: "shared/launch.js", style: "shared/launch.css" } as const;
const ASSETS_DIR = path.join(projectRoot, "app", "scorm", "launch");

/** The package's page words, with {{score}} and {{passMark}} left for the launch script to fill. */
const PAGE_MESSAGES = [
  "noApi",
  "initFailed",
  "badOrigin",
  "waiting",
  "blocked",
  "open",
  "show",
  "openAgain",
  "closed",
  "reportedPassed",
  "reportedFailed",
  "reportedNoScore",
] as const;

export const scoPath = (scenarioId: string) => `sco/${scenarioId}/index.html`;

/** JSON inside a script element: `<` is escaped so that no title can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function scoPage(input: Omit<PackageInput, "scope">, scenario: PackageScenario): string {
  const { t } = input;
  // i18next leaves a value alone once substituted, so the launch script receives the placeholders as written.
  const messages = Object.fromEntries(PAGE_MESSAGES.map((key) => [key, t(`scorm.package.${key}`, { score: "{{score}}", passMark: "{{passMark}}" })]));
  const config = {
    version: input.version,
    frontlineOrigin: input.frontlineOrigin,
    launchPath: LAUNCH_PATH,
    scenarioId: scenario.id,
    passMark: input.passMark,
    messages,
  };
  const title = escapeXml(scenario.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Frontline</title>
<link rel="stylesheet" href="../../${SHARED.style}">
</head>
<body>
<main class="frontline-launch">
<h1>${title}</h1>
<p id="frontline-status" role="status" aria-live="polite">${escapeXml(t("scorm.package.starting"))}</p>
<p><button type="button" id="frontline-open" hidden></button></p>
<noscript><p>${escapeXml(t("scorm.package.noScript"))}</p></noscript>
</main>
<script type="application/json" id="frontline-scorm">${scriptJson(config)}</script>
<script src="../../${SHARED.script}"></script>
</body>
</html>
`;
}

async function sharedFiles(): Promise<Record<string, Uint8Array>> {
  const [script, style] = await Promise.all([readFile(path.join(ASSETS_DIR, "launch.js")), readFile(path.join(ASSETS_DIR, "launch.css"))]);
  return { [SHARED.script]: new Uint8Array(script), [SHARED.style]: new Uint8Array(style) };
}

export async function buildPackage(input: PackageInput): Promise<Uint8Array<ArrayBuffer>> {
  const scenarios = input.scope.kind === "scenario" ? [input.scope.scenario] : input.scope.scenarios;
  const title = input.scope.kind === "scenario" ? input.scope.scenario.title : input.scope.title;
  const identifier = input.scope.kind === "scenario" ? `frontline.scenario.${input.scope.scenario.id}` : "frontline.library";
  const manifest = buildManifest({
    version: input.version,
    identifier,
    title,
    scos: scenarios.map((scenario) => ({ scenarioId: scenario.id, title: scenario.title, href: scoPath(scenario.id) })),
    sharedFiles: [SHARED.script, SHARED.style],
    passMark: input.passMark,
  });
  const files: Record<string, Uint8Array> = { "imsmanifest.xml": strToU8(manifest), ...(await sharedFiles()) };
  for (const scenario of scenarios) files[scoPath(scenario.id)] = strToU8(scoPage(input, scenario));
  return zipSync(files, { level: 6 });
}

export const packageFileName = (version: ScormVersion, name: string) => `frontline-${name}-scorm${version.replace(".", "")}.zip`;

export type ScormDownload = { fileName: string; bytes: Uint8Array<ArrayBuffer> };

/** A published scenario's package, or null when no published scenario has that id. */
export async function scenarioPackage(scenarioId: string, version: ScormVersion, frontlineOrigin: string, t: TFunction): Promise<ScormDownload | null> {
  const entry = (await getLibrary()).scenarios.find((candidate) => candidate.scenario.id === scenarioId);
  if (!entry) return null;
  const scenario = { id: entry.scenario.id, title: entry.scenario.title };
  const bytes = await buildPackage({ version, frontlineOrigin, scope: { kind: "scenario", scenario }, passMark: await passMarkNow(), t });
  return { fileName: packageFileName(version, scenario.id), bytes };
}

/** Every published scenario, one SCO each, or null when there is none. */
export async function libraryPackage(version: ScormVersion, frontlineOrigin: string, t: TFunction): Promise<ScormDownload | null> {
  const scenarios = (await getLibrary()).scenarios.map((entry) => ({ id: entry.scenario.id, title: entry.scenario.title }));
  if (scenarios.length === 0) return null;
  const scope = { kind: "library" as const, title: t("scorm.download.libraryTitle"), scenarios };
  const bytes = await buildPackage({ version, frontlineOrigin, scope, passMark: await passMarkNow(), t });
  return { fileName: packageFileName(version, "library"), bytes };
}
