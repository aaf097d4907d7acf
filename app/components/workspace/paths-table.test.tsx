import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { pathsFrom } from "~/engine/start-at";
import type { PathEntry } from "~/engine/play";
import { previewScenario } from "~/engine/__fixtures__/preview";
import { i18nConfig } from "~/i18n/config";
import en from "~/locales/en";
import { workspacePreview } from "~/locales/en/workspace-preview";
import { PathsTable } from "./paths-table";

const i18n = createInstance();
beforeAll(() => i18n.use(initReactI18next).init({ ...i18nConfig, lng: "en", resources: { en: { common: { ...en.common, workspacePreview } } } }));

const scenario = previewScenario();
const paths = pathsFrom(scenario, { stepId: "promise", mood: 0, flags: ["promised", "rushed"], visits: {} });
const render = (list: readonly PathEntry[], tooMany: boolean, limit = 100) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PathsTable from="promise" paths={list} limit={limit} tooMany={tooMany} />
    </I18nextProvider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("PathsTable", () => {
  it("lists every path with its replies, ending, outcome, score and length, under a captioned table", () => {
    const html = render(paths, false);
    expect(html).toContain('<h2 id="paths-title">Every path from promise</h2>');
    expect(html).toContain('<caption class="visually-hidden">Every complete path from promise, with its ending, outcome, score and length</caption>');
    expect(text(html)).toContain("3 complete paths.");
    const rows = html.match(/<tr><th scope="row".*?<\/tr>/g) ?? [];
    expect(rows.map(text)).toEqual([
      " 1 At promise: reply 1 At check: reply 1 resolved Satisfied 83 2 replies ",
      " 2 At promise: reply 1 At check: reply 2 lost Lost 67 2 replies ",
      " 3 At promise: reply 2 lost Lost 0 1 reply ",
    ]);
    expect(rows[0]).toContain('<ol class="path-replies"><li>');
  });

  it("says plainly when there are too many paths to list, with or without the first ones", () => {
    const none = render([], true, 100_000);
    expect(none).toContain('role="status"');
    expect(text(none)).toContain("More than 100000 complete paths start here: too many to list.");
    expect(none).not.toContain("<table");
    expect(text(render(paths.slice(0, 2), true, 2))).toContain("More than 2 complete paths start here: the first 2 are listed.");
  });
});
