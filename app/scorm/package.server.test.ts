import { readFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { useFreshDatabase } from "#db/test-database";
import { changePassMark } from "~/grading/pass-mark.server";
import { translatorFor } from "~/i18n/translate";
import "~/locales/en/scorm";
import { buildPackage, LAUNCH_PATH, libraryPackage, packageFileName, scenarioPackage, scoPage } from "./package.server";

const t = translatorFor("en");
const ORIGIN = "https://frontline.example.com";
const PARCEL = { id: "parcel-third-call", title: "The parcel that never came" };

function configOf(html: string): Record<string, unknown> & { messages: Record<string, string> } {
  const json = /<script type="application\/json" id="frontline-scorm">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error("no config in the page");
  return JSON.parse(json);
}

describe("buildPackage", () => {
  it("zips the manifest, one page for the scenario and the shared launch script and style, as they are in the source", async () => {
    const zip = unzipSync(await buildPackage({ version: "1.2", frontlineOrigin: ORIGIN, scope: { kind: "scenario", scenario: PARCEL }, passMark: 70, t }));
    expect(Object.keys(zip).sort()).toEqual(["imsmanifest.xml", "sco/parcel-third-call/index.html", "shared/launch.css", "shared/launch.js"]);
    const script = await readFile(path.join(projectRoot, "app/scorm/launch/launch.js"), "utf8");
    expect(strFromU8(zip["shared/launch.js"] ?? new Uint8Array())).toBe(script);
    const manifest = strFromU8(zip["imsmanifest.xml"] ?? new Uint8Array());
    expect(manifest).toContain("<schemaversion>1.2</schemaversion>");
    expect(manifest).toContain('identifier="frontline.scenario.parcel-third-call"');
    expect(manifest).toContain('href="sco/parcel-third-call/index.html"');
  });

  it("packages the whole library as one SCO per scenario under one organization", async () => {
    const scenarios = [PARCEL, { id: "returns-desk-loop", title: "No receipt, no problem?" }];
    const zip = unzipSync(await buildPackage({ version: "2004", frontlineOrigin: ORIGIN, scope: { kind: "library", title: "Frontline scenarios", scenarios }, passMark: 70, t }));
    expect(Object.keys(zip).filter((name) => name.startsWith("sco/")).sort()).toEqual(["sco/parcel-third-call/index.html", "sco/returns-desk-loop/index.html"]);
    const manifest = strFromU8(zip["imsmanifest.xml"] ?? new Uint8Array());
    expect(manifest.match(/<item /g)).toHaveLength(2);
    expect(manifest.match(/<organization /g)).toHaveLength(1);
    expect(manifest).toContain("<schemaversion>2004 4th Edition</schemaversion>");
    const returns = configOf(strFromU8(zip["sco/returns-desk-loop/index.html"] ?? new Uint8Array()));
    expect(returns.scenarioId).toBe("returns-desk-loop");
    expect(returns.version).toBe("2004");
  });

  it("carries the admin's pass mark at download: SCORM 1.2's mastery score and the page's own copy", async () => {
    await useFreshDatabase();
    const manifestOf = (zip: Record<string, Uint8Array>) => strFromU8(zip["imsmanifest.xml"] ?? new Uint8Array());
    const before = unzipSync((await scenarioPackage(PARCEL.id, "1.2", ORIGIN, t))!.bytes);
    expect(manifestOf(before)).toContain("<adlcp:masteryscore>70</adlcp:masteryscore>");
    await changePassMark(85, null);
    const after = unzipSync((await scenarioPackage(PARCEL.id, "1.2", ORIGIN, t))!.bytes);
    expect(manifestOf(after)).toContain("<adlcp:masteryscore>85</adlcp:masteryscore>");
    expect(configOf(strFromU8(after[`sco/${PARCEL.id}/index.html`] ?? new Uint8Array())).passMark).toBe(85);
    // 2004 has no mastery score in the manifest; its pages carry the mark too.
    const library = unzipSync((await libraryPackage("2004", ORIGIN, t))!.bytes);
    expect(manifestOf(library)).not.toContain("masteryscore");
    expect(configOf(strFromU8(library[`sco/${PARCEL.id}/index.html`] ?? new Uint8Array())).passMark).toBe(85);
  });

  it("names the file by scope and edition", () => {
    expect(packageFileName("1.2", "parcel-third-call")).toBe("frontline-parcel-third-call-scorm12.zip");
    expect(packageFileName("2004", "library")).toBe("frontline-library-scorm2004.zip");
  });
});

describe("scoPage", () => {
  it("carries Frontline's origin, the launch path, the scenario id, the pass mark and the words, with the result placeholders left for the script", () => {
    const config = configOf(scoPage({ version: "2004", frontlineOrigin: ORIGIN, passMark: 70, t }, PARCEL));
    expect(config).toMatchObject({ version: "2004", frontlineOrigin: ORIGIN, launchPath: LAUNCH_PATH, scenarioId: PARCEL.id, passMark: 70 });
    expect(config.messages.reportedPassed).toContain("{{score}}");
    expect(config.messages.reportedPassed).toContain("{{passMark}}");
    expect(config.messages.noApi).toBe(t("scorm.package.noApi"));
  });

  it("holds no scenario content and escapes the title so that it cannot end the page's elements", () => {
    const html = scoPage({ version: "1.2", frontlineOrigin: ORIGIN, passMark: 70, t }, { id: "x", title: "</script><script>alert(1)</script> & co" });
    expect(html).toContain("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>");
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<script src="../../shared/launch.js"></script>');
    // The title is not in the JSON either: the page shows it, the script does not need it.
    expect(configOf(html)).not.toHaveProperty("title");
  });
});
