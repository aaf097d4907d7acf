import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import "~/locales/en/assignments";

type Step = { id: string; title: string; missing: boolean };
type Option = { id: string; title: string; difficulty: 1 | 2 | 3 };

/** One small form per button, so each works without JavaScript and says exactly what it changes. */
function StepButton({ intent, step, text, disabled = false }: { intent: "up" | "down" | "remove"; step: Step; text: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="scenarioId" value={step.id} />
      <button
        type="submit"
        name="intent"
        value={intent}
        className="button button--quiet button--small"
        aria-label={t("assignments.buttonFor", { action: text, name: step.title })}
        disabled={disabled}
        data-move={intent === "remove" ? undefined : intent}
      >
        {text}
      </button>
    </Form>
  );
}

/** A pathway's scenarios in order, with move up, move down and remove, and a form to add one at the end. */
export function PathwaySteps({ steps, addable, error }: { steps: Step[]; addable: Option[]; error: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title" tabIndex={-1}>
        {t("assignments.pathways.orderTitle")}
      </h2>
      <p className="muted">{t("assignments.pathways.orderIntro")}</p>
      {error ? (
        <div className="form-errors" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <ol className="pathway-steps">
        {steps.map((step, index) => (
          <li key={step.id} id={`step-${step.id}`} className="pathway-step" tabIndex={-1}>
            <span className="pathway-step__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="pathway-step__title">
              {step.title}
              {step.missing ? <span className="hint pathway-step__missing">{t("assignments.pathways.notInLibrary")}</span> : null}
            </span>
            <span className="pathway-step__actions">
              <StepButton intent="up" step={step} disabled={index === 0} text={t("assignments.pathways.moveUp")} />
              <StepButton
                intent="down"
                step={step}
                disabled={index === steps.length - 1}
               
                text={t("assignments.pathways.moveDown")}
              />
              <StepButton intent="remove" step={step} text={t("assignments.pathways.remove")} />
            </span>
          </li>
        ))}
      </ol>
      <h3 id="add-title">{t("assignments.pathways.addTitle")}</h3>
      {addable.length === 0 ? (
        <p className="muted">{t("assignments.pathways.allAdded")}</p>
      ) : (
        <Form method="post" className="inline-form" aria-labelledby="add-title" preventScrollReset>
          <div className="field">
            <label htmlFor="add-scenario">{t("assignments.pathways.addLabel")}</label>
            <select id="add-scenario" name="scenarioId" required defaultValue="">
              <option value="" disabled>
                {t("assignments.pathways.chooseScenario")}
              </option>
              {addable.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.title} ({t(`catalogue.levels.l${option.difficulty}`)})
                </option>
              ))}
            </select>
            <p className="field-error" aria-hidden="true" />
          </div>
          <button type="submit" name="intent" value="add" className="button">
            {t("assignments.pathways.add")}
          </button>
        </Form>
      )}
    </section>
  );
}
