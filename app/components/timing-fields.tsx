import { useTranslation } from "react-i18next";
import { TIMINGS, type Timing } from "~/domain/timing";

/**
 * The three time limits as radio buttons, each with what it means: the same choice on the
 * settings page and in the play page's time limit control. `idPrefix` keeps ids unique per page.
 */
export function TimingFieldset({ current, legend, hint, idPrefix }: { current: Timing; legend: string; hint?: string; idPrefix: string }) {
  const { t } = useTranslation();
  const hintId = `${idPrefix}-hint`;
  return (
    <fieldset className="timing-fieldset" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {TIMINGS.map((timing) => (
        <div key={timing} className="timing-option">
          <input
            type="radio"
            name="timing"
            value={timing}
            id={`${idPrefix}-${timing}`}
            defaultChecked={timing === current}
            aria-describedby={`${idPrefix}-${timing}-detail`}
          />
          <label htmlFor={`${idPrefix}-${timing}`}>{t(`settings.timing.${timing}`)}</label>
          <p className="hint" id={`${idPrefix}-${timing}-detail`}>
            {t(`settings.timingDetail.${timing}`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
