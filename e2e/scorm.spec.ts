// SCORM packages end to end: a trainer downloads a package from the library; a small "LMS" on another site
// (localhost, against the app at 127.0.0.1) serves the unzipped package in a frame, with scorm-again as the SCORM
// runtime on its window; the launch page opens Frontline, the learner plays to the end there, and the runtime
// receives completion, success and the score. Both editions.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { strFromU8, unzipSync, type Unzipped } from "fflate";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { PATHS } from "./manager-support";
import { expect, expectNoSeriousViolations, PARCEL, playByClicking, SIGNED_OUT, test, type Trainee } from "./play-support";
import { ROLES, stateFile, type Role } from "./support";

const require = createRequire(import.meta.url);
const SCORM_AGAIN_DIST = path.dirname(require.resolve("scorm-again/scorm12"));

type Version = "1.2" | "2004";

/** The trainer's library page: picks the edition in a scenario's row (or the whole library's form) and keeps the zip. */
async function downloadPackage(browser: Browser, baseURL: string, version: Version, scope: "scenario" | "library"): Promise<Unzipped> {
  const context = await browser.newContext({ baseURL, storageState: stateFile("trainer") });
  try {
    const page = await context.newPage();
    await page.goto("/library");
    const [menu, button] =
      scope === "scenario"
        ? [page.getByLabel(`SCORM version for ${PARCEL.title}`), page.getByRole("button", { name: `Download a SCORM package of ${PARCEL.title}` })]
        : [page.getByLabel("SCORM version", { exact: true }), page.getByRole("button", { name: "Download SCORM package of the whole library" })];
    await menu.selectOption(version);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const expectedName = scope === "scenario" ? `frontline-${PARCEL.id}-scorm${version.replace(".", "")}.zip` : `frontline-library-scorm${version.replace(".", "")}.zip`;
    expect(download.suggestedFilename()).toBe(expectedName);
    return unzipSync(new Uint8Array(await readFile(await download.path())));
  } finally {
    await context.close();
  }
}

/**
 * The LMS: the package's files, scorm-again's browser builds, and a page that installs the runtime on its window
 * and frames the SCO, as an LMS's player does.
 */
async function startLms(files: Unzipped, version: Version): Promise<{ origin: string; server: Server }> {
  const player = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again/${version === "1.2" ? "scorm12.js" : "scorm2004.js"}"></script>
<script>
  window.lmsLog = [];
  var api = new ${version === "1.2" ? "Scorm12API" : "Scorm2004API"}({ autocommit: false, logLevel: 5 });
  ["${version === "1.2" ? "LMSInitialize" : "Initialize"}", "${version === "1.2" ? "LMSCommit" : "Commit"}", "${version === "1.2" ? "LMSFinish" : "Terminate"}"].forEach(function (name) {
    api.on(name, function () { window.lmsLog.push(name); });
  });
  window.${version === "1.2" ? "API" : "API_1484_11"} = api;
</script></head>
<body><iframe title="course" src="/package/${"sco/" + PARCEL.id + "/index.html"}" width="800" height="600"></iframe></body></html>`;
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".xml": "application/xml" };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let body: Uint8Array | string | undefined;
    if (url.pathname === "/player.html") body = player;
    else if (url.pathname.startsWith("/package/")) body = files[url.pathname.slice("/package/".length)];
    else if (/^\/scorm-again\/scorm(12|2004)\.js$/.test(url.pathname)) body = readFileSync(path.join(SCORM_AGAIN_DIST, path.basename(url.pathname)));
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { "Content-Type": types[path.extname(url.pathname)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the LMS did not start");
  // localhost is another site than the app's 127.0.0.1, as an LMS would be.
  return { origin: `http://localhost:${address.port}`, server };
}

/** From the SCO's launch page in the LMS to the debrief in the Frontline window it opened; returns both pages. */
async function playFromLms(context: BrowserContext, lmsOrigin: string, choices: readonly number[], signIn: Trainee | null): Promise<{ lms: Page; popup: Page }> {
  const lms = await context.newPage();
  const [popup] = await Promise.all([context.waitForEvent("page"), lms.goto(`${lmsOrigin}/player.html`)]);
  const course = lms.frameLocator("iframe");
  await expect(course.getByRole("heading", { level: 1 })).toHaveText(PARCEL.title);
  await expect(course.getByRole("status")).toContainText("The scenario is open in a Frontline window");
  await expect(course.getByRole("button", { name: "Show the Frontline window" })).toBeVisible();
  // axe looks into the frame: the package's page as the learner sees it.
  await expectNoSeriousViolations(lms);
  if (signIn) {
    await expect(popup).toHaveURL(/\/sign-in\?redirectTo=%2Fscorm%2Flaunch/);
    await popup.getByLabel("Email").fill(signIn.email);
    await popup.getByLabel("Password").fill(signIn.password);
    await popup.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(popup).toHaveURL(/\/scorm\/launch\?/, { timeout: 15_000 });
  await expect(popup.getByRole("heading", { level: 1 })).toHaveText(PARCEL.title);
  await expect(popup.getByText(`will be sent to ${lmsOrigin}`)).toBeVisible();
  await expectNoSeriousViolations(popup);
  await popup.getByRole("button", { name: "Start the conversation" }).click();
  await playByClicking(popup, choices);
  await expect(popup.getByRole("status").filter({ hasText: "Your result has been sent to your learning platform" })).toBeVisible();
  return { lms, popup };
}

test.describe("SCORM packages", () => {
  // A whole conversation with typing pauses, a download, a sign-in and three axe runs, on two shared cores.
  test.describe.configure({ timeout: 150_000 });

  test("SCORM 1.2: the learner signs in in Frontline's window, plays to the end, and the runtime gets passed with the score", async ({ browser, baseURL, trainee }) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    const files = await downloadPackage(browser, baseURL, "1.2", "scenario");
    expect(Object.keys(files).sort()).toEqual(["imsmanifest.xml", `sco/${PARCEL.id}/index.html`, "shared/launch.css", "shared/launch.js"]);
    const { origin, server } = await startLms(files, "1.2");
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const { lms } = await playFromLms(context, origin, PATHS.best.choices, trainee);
      const course = lms.frameLocator("iframe");
      await expect(course.getByRole("status")).toHaveText("Done: your score of 100 out of 100 has been recorded as passed (the pass mark is 70).");
      const cmi = await lms.evaluate(() => {
        const core = (window as unknown as { API: { cmi: { core: { lesson_status: string; score: { raw: string; min: string; max: string } } } } }).API.cmi.core;
        return { status: core.lesson_status, raw: core.score.raw, min: core.score.min, max: core.score.max, log: (window as unknown as { lmsLog: string[] }).lmsLog };
      });
      expect(cmi).toEqual({ status: "passed", raw: "100", min: "0", max: "100", log: ["LMSInitialize", "LMSCommit", "LMSCommit", "LMSFinish"] });
    } finally {
      await context.close();
      server.close();
    }
  });

  test("SCORM 2004 from the whole library's package: completed, failed below the pass mark, with the raw and scaled score", async ({ browser, baseURL, trainee }) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    const files = await downloadPackage(browser, baseURL, "2004", "library");
    expect(Object.keys(files).filter((name) => name.startsWith("sco/")).length).toBeGreaterThan(1);
    const { origin, server } = await startLms(files, "2004");
    const context = await browser.newContext({ storageState: trainee.state });
    try {
      const { lms, popup } = await playFromLms(context, origin, PATHS.mixed.choices, null);
      await expectNoSeriousViolations(popup);
      const course = lms.frameLocator("iframe");
      await expect(course.getByRole("status")).toHaveText(`Done: your score of ${PATHS.mixed.overall} out of 100 has been recorded; the pass mark is 70. You can try again from the course page.`);
      const cmi = await lms.evaluate(() => {
        const data = (window as unknown as { API_1484_11: { cmi: { completion_status: string; success_status: string; score: Record<string, string> } } }).API_1484_11.cmi;
        const { raw, min, max, scaled } = data.score;
        return { completion: data.completion_status, success: data.success_status, raw, min, max, scaled, log: (window as unknown as { lmsLog: string[] }).lmsLog };
      });
      expect(cmi).toEqual({
        completion: "completed",
        success: "failed",
        raw: String(PATHS.mixed.overall),
        min: "0",
        max: "100",
        scaled: String(PATHS.mixed.overall / 100),
        log: ["Initialize", "Commit", "Commit", "Terminate"],
      });
    } finally {
      await context.close();
      server.close();
    }
  });

  test("each edition's manifest is well-formed XML with its own namespace and schema version", async ({ browser, baseURL, page }) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    for (const [version, namespace, schemaversion] of [
      ["1.2", "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "1.2"],
      ["2004", "http://www.imsglobal.org/xsd/imscp_v1p1", "2004 4th Edition"],
    ] as const) {
      const files = await downloadPackage(browser, baseURL, version, "scenario");
      const xml = strFromU8(files["imsmanifest.xml"] ?? new Uint8Array());
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        const root = doc.documentElement;
        return {
          error: doc.getElementsByTagName("parsererror").length > 0,
          namespace: root.namespaceURI,
          schemaversion: root.getElementsByTagNameNS(root.namespaceURI, "schemaversion")[0]?.textContent,
          resources: root.getElementsByTagNameNS(root.namespaceURI, "resource").length,
        };
      }, xml);
      expect(parsed).toEqual({ error: false, namespace, schemaversion, resources: 2 });
    }
  });

  test("Frontline's launch page names a bad link's problem, and keeps its window's opener where the launch needs it", async ({ page, request }) => {
    await page.goto(`/scorm/launch?scenario=${PARCEL.id}&v=3&origin=https%3A%2F%2Flms.example.com`);
    await expect(page.getByRole("alert")).toHaveText('The SCORM version must be "1.2" or "2004" (the v parameter).');
    const badOrigin = await request.get(`/scorm/launch?scenario=${PARCEL.id}&v=1.2&origin=https%3A%2F%2Flms.example.com%2Fcourse`);
    expect(badOrigin.status()).toBe(400);
    const missing = await request.get("/scorm/launch?scenario=no-such-scenario&v=1.2&origin=https%3A%2F%2Flms.example.com");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain("There is no published scenario &quot;no-such-scenario&quot;");
    const launch = await request.get(`/scorm/launch?scenario=${PARCEL.id}&v=1.2&origin=https%3A%2F%2Flms.example.com`);
    expect(launch.headers()["cross-origin-opener-policy"]).toBe("unsafe-none");
    expect((await request.get("/train")).headers()["cross-origin-opener-policy"]).toBe("same-origin");
  });

  test("who may open the new routes: downloads for trainers and admins, the launch for every player, sign-in first for no one", async ({ playwright, baseURL }) => {
    const launch = `/scorm/launch?scenario=${PARCEL.id}&v=2004&origin=https%3A%2F%2Flms.example.com`;
    const routes: { path: string; roles: readonly Role[]; type: string }[] = [
      { path: "/library/scorm?v=1.2", roles: ["trainer", "admin"], type: "application/zip" },
      { path: `/library/${PARCEL.id}/scorm?v=2004`, roles: ["trainer", "admin"], type: "application/zip" },
      { path: launch, roles: ["trainee", "trainer", "admin"], type: "text/html" },
    ];
    for (const role of [...ROLES, null]) {
      const context = await playwright.request.newContext({ baseURL, storageState: role ? stateFile(role) : SIGNED_OUT });
      try {
        for (const route of routes) {
          const response = await context.get(route.path, { maxRedirects: 0 });
          const where = `${role ?? "signed out"} at ${route.path}`;
          if (role === null) {
            expect(response.status(), where).toBe(302);
            expect(response.headers().location, where).toBe(`/sign-in?redirectTo=${encodeURIComponent(route.path)}`);
          } else if (route.roles.includes(role)) {
            expect(response.status(), where).toBe(200);
            expect(response.headers()["content-type"], where).toContain(route.type);
          } else expect(response.status(), where).toBe(403);
        }
      } finally {
        await context.dispose();
      }
    }
    const trainer = await playwright.request.newContext({ baseURL, storageState: stateFile("trainer") });
    try {
      const bad = await trainer.get(`/library/${PARCEL.id}/scorm?v=2004-3rd`);
      expect(bad.status()).toBe(400);
      expect(await bad.text()).toBe('Choose SCORM version "1.2" or "2004" (the v parameter); "2004-3rd" is neither.');
      expect((await trainer.get("/library/no-such-scenario/scorm?v=1.2")).status()).toBe(404);
    } finally {
      await trainer.dispose();
    }
  });
});
