/**
 * The fields of a start point, to sit inside a plain <form method="post"> (works without
 * JavaScript). Field names, read back by parseStartPointForm (~/workspace/start-point-form):
 * - `stepId`: a select of every step, "id: the customer's first words".
 * - `mood`: a number input, min and max the mood's bounds.
 * - `flags`: one checkbox per flag the scenario uses, value the flag.
 * - `visits.<step id>`: a number input per step, 0 to the entry limit.
 * `errors` are keyed by those names: the schema's translation keys, or the engine's own words.
 */
import { useTranslation } from "react-i18next";
import type { StartPointOptions } from "~/engine";
import { isStartPointErrorKey, START_POINT_LIMITS, visitsField, type StartPointFormErrors, type StartPointTyped } from "~/workspace/start-point-fields";
import "~/locales/en/workspace-preview";

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-error" aria-live="polite">
      {errors?.map((error) => (isStartPointErrorKey(error) ? t(error, START_POINT_LIMITS) : error)).join(" ") ?? null}
    </p>
  );
}

export function StartAnywhereFields({
  options,
  value,
  errors = {},
  idPrefix = "start",
}: {
  options: StartPointOptions;
  /** The values to show: what was posted, as typed, or the default start point's. */
  value: StartPointTyped;
  errors?: StartPointFormErrors;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const id = (name: string) => `${idPrefix}-${name.replace(/\./g, "-")}`;
  const described = (name: string, hint = true) => [hint ? id(`${name}-hint`) : null, errors[name]?.length ? id(`${name}-error`) : null].filter(Boolean).join(" ") || undefined;
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);
  return (
    <fieldset className="stack start-anywhere">
      <legend>{t("workspacePreview.start.legend")}</legend>
      <p className="hint">{t("workspacePreview.start.intro")}</p>

      <div className="field">
        <label htmlFor={id("stepId")}>{t("workspacePreview.start.step")}</label>
        <p className="hint" id={id("stepId-hint")}>
          {t("workspacePreview.start.stepHint")}
        </p>
        <select id={id("stepId")} name="stepId" defaultValue={value.stepId} aria-describedby={described("stepId")} aria-invalid={invalid("stepId")}>
          {options.steps.map((step) => (
            <option key={step.id} value={step.id}>
              {t(step.id === options.start ? "workspacePreview.start.scenarioStart" : "workspacePreview.start.stepOption", { id: step.id, words: step.words })}
            </option>
          ))}
        </select>
        <FieldErrors id={id("stepId-error")} errors={errors.stepId} />
      </div>

      <div className="field">
        <label htmlFor={id("mood")}>{t("workspacePreview.start.mood")}</label>
        <p className="hint" id={id("mood-hint")}>
          {t("workspacePreview.start.moodHint", { min: options.moodMin, max: options.moodMax, start: options.mood })}
        </p>
        <input
          id={id("mood")}
          name="mood"
          type="number"
          inputMode="numeric"
          min={options.moodMin}
          max={options.moodMax}
          step={1}
          required
          defaultValue={value.mood}
          aria-describedby={described("mood")}
          aria-invalid={invalid("mood")}
        />
        <FieldErrors id={id("mood-error")} errors={errors.mood} />
      </div>

      <fieldset className="checkbox-group" aria-describedby={described("flags")}>
        <legend>{t("workspacePreview.start.flags")}</legend>
        <p className="hint" id={id("flags-hint")}>
          {options.flags.length ? t("workspacePreview.start.flagsHint") : t("workspacePreview.start.noFlags")}
        </p>
        {options.flags.map((flag) => (
          <label key={flag} className="checkbox">
            <input type="checkbox" name="flags" value={flag} defaultChecked={value.flags.includes(flag)} />
            <span className="mono">{flag}</span>
          </label>
        ))}
        <FieldErrors id={id("flags-error")} errors={errors.flags} />
      </fieldset>

      <fieldset className="stack" aria-describedby={described("visits")}>
        <legend>{t("workspacePreview.start.visits")}</legend>
        <p className="hint" id={id("visits-hint")}>
          {t("workspacePreview.start.visitsHint", { limit: options.visitsMax })}
        </p>
        {options.steps.map((step) => {
          const name = visitsField(step.id);
          return (
            <div key={step.id} className="field">
              <label htmlFor={id(name)}>{t("workspacePreview.start.visitsOf", { id: step.id })}</label>
              <input
                id={id(name)}
                name={name}
                type="number"
                inputMode="numeric"
                min={0}
                max={options.visitsMax}
                step={1}
                defaultValue={value.visits[step.id] ?? "0"}
                aria-describedby={described(name, false)}
                aria-invalid={invalid(name)}
              />
              <FieldErrors id={id(`${name}-error`)} errors={errors[name]} />
            </div>
          );
        })}
        <FieldErrors id={id("visits-error")} errors={errors.visits} />
      </fieldset>
    </fieldset>
  );
}
