import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OUTCOME_FIELDS, type OutcomeField } from "~/domain/outcomes";
import { ScaleSelect } from "./scale-select";
import "~/locales/en/imports";

type Options = { format: string; scale: string; source: string; team: string };

/** Asks which column holds each field; a GET form, so the choice lives in the preview's address. */
export function ColumnMappingForm({ message, headers, mapping, options }: { message: string; headers: string[]; mapping: Partial<Record<OutcomeField, string>>; options: Options }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="columns-title">
      <h2 id="columns-title">{t("imports.columnsTitle")}</h2>
      <div className="form-errors" role="alert">
        <p>{message}</p>
      </div>
      <p>{t("imports.columnsIntro")}</p>
      <Form method="get" className="stack">
        <input type="hidden" name="format" value="mapped" />
        <input type="hidden" name="source" value={options.source} />
        <input type="hidden" name="team" value={options.team} />
        <div className="import-choices">
          {OUTCOME_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`map-${field}`}>{field}</label>
              <select id={`map-${field}`} name={`map_${field}`} defaultValue={mapping[field] ?? ""}>
                <option value="">{t("imports.notInFile")}</option>
                {headers.map((header, i) => (
                  <option key={`${header}-${i}`} value={header}>
                    {header || `#${i + 1}`}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <ScaleSelect id="map-scale" label={t("imports.scale")} defaultValue={options.scale} />
        </div>
        <div>
          <button type="submit" className="button button--primary">
            {t("imports.readAgain")}
          </button>
        </div>
      </Form>
    </section>
  );
}
