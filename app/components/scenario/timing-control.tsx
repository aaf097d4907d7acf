import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Timing } from "~/domain/timing";
import { TimingFieldset } from "../timing-fields";

/**
 * Changes the time limit during a conversation (WCAG 2.2.1): a plain form in a disclosure, so it
 * works without JavaScript and stays one line until opened. The action sets it for this attempt
 * from now on and makes it the trainee's default.
 */
export function TimingControl({ timing }: { timing: Timing }) {
  const { t } = useTranslation();
  return (
    <details className="timing-control">
      <summary>{t("play.timingSummary", { setting: t(`settings.timing.${timing}`) })}</summary>
      <Form method="post" replace className="timing-control__form">
        <input type="hidden" name="intent" value="timing" />
        <TimingFieldset current={timing} legend={t("play.timingLegend")} hint={t("play.timingNote")} idPrefix="play-timing" />
        <button type="submit" className="button">
          {t("play.timingSave")}
        </button>
      </Form>
    </details>
  );
}
