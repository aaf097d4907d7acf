import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { inspectAttempt } from "~/engine/inspect";
import { advanceAttempt, createScenarioMachine, startSnapshot } from "~/engine/machine";
import { previewScenario } from "~/engine/__fixtures__/preview";
import { i18nConfig } from "~/i18n/config";
import en from "~/locales/en";
import { workspacePreview } from "~/locales/en/workspace-preview";
import { StateInspector } from "./state-inspector";

const i18n = createInstance();
beforeAll(() => i18n.use(initReactI18next).init({ ...i18nConfig, lng: "en", resources: { en: { common: { ...en.common, workspacePreview } } } }));

const scenario = previewScenario();
const machine = createScenarioMachine(scenario);
const viewAfter = (choices: string[]) =>
  inspectAttempt(scenario, choices.reduce((snapshot, choiceId) => advanceAttempt(machine, scenario, snapshot, { choiceId, late: false }), startSnapshot(machine)).context);
const render = (choices: string[]) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StateInspector view={viewAfter(choices)} />
    </I18nextProvider>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("StateInspector", () => {
  it("heads the panel and lays out the state as definition lists and a captioned skills table", () => {
    const html = render(["greet.2", "details.3", "details.2"]);
    expect(html).toMatch(/<section[^>]*aria-labelledby="inspector-title"/);
    expect(html).toContain('<h2 id="inspector-title">State</h2>');
    expect(text(html)).toContain("Now at Step check");
    expect(text(html)).toContain("Mood -1, on a scale from -5 to 5 (0 at the start)");
    expect(text(html)).toContain("Last reply details.2: mood -2 to -1");
    expect(html).toContain('<li class="mono">rushed</li>');
    expect(text(html)).toContain("details 2 of at most 2");
    expect(html).toMatch(/<caption>Each skill&#x27;s points so far, against the most they could have been on this path<\/caption>/);
    expect(text(html)).toContain("Listening -2 4 3 33");
    expect(text(html)).toContain("Persuasion 0 0 0 not assessed yet");
    expect(text(html)).toContain("Overall so far: 52");
  });

  it("folds each reply's effects, hidden reasons and ratings under Show scores, which works without JavaScript", () => {
    const html = render(["greet.2", "details.3", "details.2"]);
    expect(html).toMatch(/<details[^>]*><summary>Show scores<\/summary>/);
    expect(text(html)).toContain("Best reply here: 2. It's at the depot: Thursday.");
    const rows = html.match(/<tr><th scope="row" data-label="Reply">.*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(4);
    expect(text(rows[0]!)).toContain("Hidden: needs promised");
    expect(text(rows[0]!)).toContain("Not offered");
    expect(text(rows[1]!)).toMatch(/check\.2 Yes Calm \+1, Honest expectations \+2 \+1, to 0 resolved Best/);
    expect(text(rows[2]!)).toContain("Hidden while rushed is set");
    expect(text(rows[3]!)).toContain("Poor");
  });

  it("says the conversation has ended at an ending, with no scores to show", () => {
    const html = render(["greet.1", "details.2", "check.2"]);
    expect(text(html)).toContain("Now at Ending resolved: Satisfied, resolved");
    expect(text(html)).toContain("The conversation has ended");
    expect(html).not.toContain("<details");
  });
});
