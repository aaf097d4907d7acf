import { useTranslation } from "react-i18next";

/**
 * The scenario's brief, at hand during the conversation: a native disclosure, closed by default,
 * so it opens without JavaScript and adds no script of its own to the play page. The HTML was
 * rendered on the server from the attempt's own scenario version, like the brief page's, and the
 * summary is the brief page's own heading for it (core copy: no feature copy on the play page).
 */
export function BriefPanel({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <details className="card chart-numbers brief-panel">
      <summary>{t("brief.situation")}</summary>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </details>
  );
}
