import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Skill } from "~/domain/vocabulary";
import { FieldError, FormErrors } from "../form-errors";
import "~/locales/en/assignments";

type Props = {
  lastResult?: SubmissionResult<string[]>;
  today: string;
  teams: { id: number; name: string }[];
  trainees: { id: number; name: string; teamIds: number[] }[];
  scenarios: { id: string; title: string; difficulty: 1 | 2 | 3 }[];
  pathways: { id: number; title: string; skill: Skill; steps: number }[];
};

/** What to practise, who, and an optional due day: one plain form that works without JavaScript. */
export function AssignForm({ lastResult, today, teams, trainees, scenarios, pathways }: Props) {
  const { t } = useTranslation();
  const [form, fields] = useForm<{ item: string; target: string; dueOn: string }>({
    lastResult,
    // No validator in the browser: checking on blur would post to the server, and a late answer could overwrite what was typed since.
    shouldValidate: "onSubmit",
    constraint: { item: { required: true }, target: { required: true } },
  });
  const described = (field: { id: string; errorId: string }) => `${field.id}-hint ${field.errorId}`;
  return (
    <section className="card stack" aria-labelledby="assign-title">
      <h2 id="assign-title">{t("assignments.assign.formTitle")}</h2>
      {trainees.length === 0 ? <p className="notice notice--info">{t("assignments.assign.noTrainees")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="assign" />
        <div className="field">
          <label htmlFor={fields.item.id}>{t("assignments.assign.what")}</label>
          <p className="hint" id={`${fields.item.id}-hint`}>
            {t("assignments.assign.whatHint")}
          </p>
          <select {...getSelectProps(fields.item)} aria-describedby={described(fields.item)}>
            <option value="">{t("assignments.assign.chooseWhat")}</option>
            {pathways.length > 0 ? (
              <optgroup label={t("assignments.assign.pathwaysGroup")}>
                {pathways.map((pathway) => (
                  <option key={pathway.id} value={`pathway:${pathway.id}`}>
                    {t("assignments.assign.pathwayOption", { title: pathway.title, skill: t(`skills.${pathway.skill}.name`), count: pathway.steps })}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("assignments.assign.scenariosGroup")}>
              {scenarios.map((scenario) => (
                <option key={scenario.id} value={`scenario:${scenario.id}`}>
                  {scenario.title} ({t(`catalogue.levels.l${scenario.difficulty}`)})
                </option>
              ))}
            </optgroup>
          </select>
          <FieldError id={fields.item.errorId} errors={fields.item.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.target.id}>{t("assignments.assign.who")}</label>
          <p className="hint" id={`${fields.target.id}-hint`}>
            {t("assignments.assign.whoHint")}
          </p>
          <select {...getSelectProps(fields.target)} aria-describedby={described(fields.target)}>
            <option value="">{t("assignments.assign.chooseWho")}</option>
            {teams.map((team) => (
              <optgroup key={team.id} label={team.name}>
                <option value={`team:${team.id}`}>{t("assignments.assign.wholeTeam", { team: team.name })}</option>
                {trainees
                  .filter((trainee) => trainee.teamIds.includes(team.id))
                  .map((trainee) => (
                    <option key={trainee.id} value={`trainee:${trainee.id}`}>
                      {trainee.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <FieldError id={fields.target.errorId} errors={fields.target.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.dueOn.id}>{t("assignments.assign.due")}</label>
          <p className="hint" id={`${fields.dueOn.id}-hint`}>
            {t("assignments.assign.dueHint")}
          </p>
          <input {...getInputProps(fields.dueOn, { type: "date" })} min={today} aria-describedby={described(fields.dueOn)} />
          <FieldError id={fields.dueOn.errorId} errors={fields.dueOn.errors} />
        </div>
        <p>
          <button type="submit" className="button button--primary">
            {t("assignments.assign.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
