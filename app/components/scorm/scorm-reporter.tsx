import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import "~/locales/en/scorm";
import type { ScormReport } from "~/scorm/versions";

/**
 * On the debrief of an attempt launched from a SCORM package: posts the result to the window that opened this one
 * (the package's launch page), to its origin only, then says so. The message needs JavaScript, as the package does.
 */
export function ScormReporter({ report }: { report: ScormReport }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"pending" | "sent" | "lost">("pending");
  const { origin, message } = report;
  useEffect(() => {
    const opener = window.opener as Window | null;
    if (opener && !opener.closed) {
      opener.postMessage(message, origin);
      return setState("sent");
    }
    // Only the window the package opened (launch.js names it) says the link is lost; the same debrief opened later
    // in an ordinary tab says nothing.
    if (window.name === `frontline-${message.scenarioId}`) setState("lost");
  }, [origin, message]);
  if (state === "pending") return null;
  return (
    <div className={state === "sent" ? "notice notice--ok actions" : "notice"} role="status">
      <p>{t(state === "sent" ? "scorm.report.sent" : "scorm.report.lost")}</p>
      {state === "sent" ? (
        <button type="button" className="button button--small" onClick={() => window.close()}>
          {t("scorm.report.close")}
        </button>
      ) : null}
    </div>
  );
}
