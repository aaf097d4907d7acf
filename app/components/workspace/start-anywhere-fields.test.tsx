import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { checkStartPoint, defaultStartPoint, startPointOptions } from "~/engine/start-at";
import type { StartPoint } from "~/engine/start-at";
import { previewScenario } from "~/engine/__fixtures__/preview";
import { i18nConfig } from "~/i18n/config";
import en from "~/locales/en";
import { workspacePreview } from "~/locales/en/workspace-preview";
import { parseStartPointForm, startPointErrors, typedStartPoint } from "~/workspace/start-point-form";
import { typedFromPoint, type StartPointFormErrors, type StartPointTyped } from "~/workspace/start-point-fields";
import { StartAnywhereFields } from "./start-anywhere-fields";

const i18n = createInstance();
beforeAll(() => i18n.use(initReactI18next).init({ ...i18nConfig, lng: "en", resources: { en: { common: { ...en.common, workspacePreview } } } }));

const scenario = previewScenario();
const render = (value: StartPoint | StartPointTyped, errors?: StartPointFormErrors) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StartAnywhereFields options={startPointOptions(scenario)} value={typeof value.mood === "number" ? typedFromPoint(value as StartPoint) : (value as StartPointTyped)} errors={errors} />
    </I18nextProvider>,
  );

/** The name=value pairs a browser would post for the rendered fields, unchanged. */
function posted(html: string): URLSearchParams {
  const form = new URLSearchParams();
  const select = /<select[^>]*name="([^"]+)"[^>]*>.*?<option value="([^"]+)" selected=""/.exec(html);
  if (select) form.append(select[1]!, select[2]!);
  for (const input of html.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]+)"/.exec(input)?.[1];
    const value = /value="([^"]*)"/.exec(input)?.[1] ?? "";
    if (!name || (input.includes('type="checkbox"') && !input.includes('checked=""'))) continue;
    form.append(name, value);
  }
  return form;
}

describe("StartAnywhereFields", () => {
  it("offers every step with its id and first words, the mood with its range, a checkbox per flag and a visits field per step", () => {
    const html = render(defaultStartPoint(scenario));
    expect(html).toMatch(/<fieldset[^>]*><legend>Start anywhere<\/legend>/);
    expect(html).toContain('<option value="greet" selected="">greet (where the scenario starts): Hi, my order is late.</option>');
    expect(html).toContain('<option value="details">details: It&#x27;s 1234. It was due on Monday.</option>');
    expect(html.match(/<option /g)).toHaveLength(4);
    const mood = /<input id="start-mood"[^>]*>/.exec(html)![0];
    for (const attribute of ['name="mood"', 'type="number"', 'min="-5"', 'max="5"', 'step="1"', 'required=""', 'value="0"', 'aria-describedby="start-mood-hint"']) {
      expect(mood).toContain(attribute);
    }
    expect(html).toContain("A whole number from -5 (about to give up) to 5 (delighted). The scenario itself starts at 0.");
    expect(html.match(/<label class="checkbox"><input type="checkbox" name="flags" value="\w+"\/><span class="mono">\w+<\/span><\/label>/g)).toHaveLength(2);
    for (const step of ["greet", "details", "check", "promise"]) expect(html).toContain(`name="visits.${step}"`);
    expect(html).toMatch(/<label for="start-visits-check">Visits to check<\/label>/);
  });

  it("posts back what it shows: the fields read as the start point they were filled from", () => {
    const point: StartPoint = { stepId: "check", mood: -2, flags: ["rushed"], visits: { details: 2 } };
    expect(parseStartPointForm(posted(render(point)))).toEqual({ ok: true, point: { ...point, visits: { greet: 0, details: 2, check: 0, promise: 0 } } });
  });

  it("shows the schema's errors in words and the engine's as written, tied to their fields", () => {
    const parsed = parseStartPointForm(new URLSearchParams([["stepId", "greet"], ["mood", "9"]]));
    const engine = startPointErrors(checkStartPoint(scenario, { stepId: "greet", mood: 0, flags: [], visits: { details: 3 } }));
    const html = render(defaultStartPoint(scenario), { ...(parsed.ok ? {} : parsed.errors), ...engine });
    expect(html).toMatch(/name="mood"[^>]*aria-describedby="start-mood-hint start-mood-error" aria-invalid="true"/);
    expect(html).toContain('<p id="start-mood-error" class="field-error" aria-live="polite">Enter the mood as a whole number from -5 to 5.</p>');
    expect(html).toMatch(/name="visits.details"[^>]*aria-describedby="start-visits-details-error" aria-invalid="true"/);
    expect(html).toContain("visits to &quot;details&quot; must be a whole number from 0 to 2, not 3");
    expect(html).not.toMatch(/name="stepId"[^>]*aria-invalid/);
  });

  it("shows a refused form as it was posted, the wrong value as typed, so only that field needs fixing", () => {
    const form = new URLSearchParams([["stepId", "check"], ["mood", "9"], ["flags", "rushed"], ["visits.details", "2"], ["visits.greet", "x1"]]);
    const parsed = parseStartPointForm(form);
    expect(parsed.ok).toBe(false);
    const html = render(typedStartPoint(form), parsed.ok ? {} : parsed.errors);
    expect(html).toContain('<option value="check" selected="">');
    expect(/<input id="start-mood"[^>]*>/.exec(html)![0]).toContain('value="9"');
    expect(html).toContain(`<input type="checkbox" name="flags" checked="" value="rushed"/>`);
    expect(/<input id="start-visits-details"[^>]*>/.exec(html)![0]).toContain('value="2"');
    expect(/<input id="start-visits-greet"[^>]*>/.exec(html)![0]).toContain('value="x1"');
    expect(posted(html).toString()).toBe(form.toString().replace("visits.details=2&visits.greet=x1", "visits.greet=x1&visits.details=2&visits.check=0&visits.promise=0"));
  });
});
