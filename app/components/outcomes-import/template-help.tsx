import { useTranslation } from "react-i18next";
import { OUTCOME_FIELDS, RATING_SCALES } from "~/domain/outcomes";
import "~/locales/en/imports";

type Preset = { id: string; name: string; columns: string };

/** How to shape a file: the template's columns, the presets, and what Frontline keeps. */
export function TemplateHelp({ presets, retentionMonths }: { presets: Preset[]; retentionMonths: number }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card stack" aria-labelledby="template-title">
        <h2 id="template-title">{t("imports.templateTitle")}</h2>
        <p>{t("imports.templateIntro")}</p>
        <dl className="import-template">
          {OUTCOME_FIELDS.map((field) => (
            <div key={field}>
              <dt>{field}</dt>
              <dd>{t(`imports.templateColumns.${field}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{RATING_SCALES.map((scale) => t(`imports.scales.${scale}`)).join(" · ")}</p>
        <p>
          <a href="/samples/helpdesk-export-sample.csv" download>
            {t("imports.templateDownload")}
          </a>{" "}
          {t("imports.templateDownloadNote")}
        </p>
      </section>
      <section className="card stack" aria-labelledby="presets-title">
        <h2 id="presets-title">{t("imports.presetsTitle")}</h2>
        <p>{t("imports.presetsIntro")}</p>
        <ul>
          {presets.map((preset) => (
            <li key={preset.id}>
              <strong>{preset.name}</strong>: {preset.columns}
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t("imports.privacyTitle")}</h2>
        <p>{t("imports.privacyBody", { months: retentionMonths })}</p>
      </section>
    </>
  );
}
