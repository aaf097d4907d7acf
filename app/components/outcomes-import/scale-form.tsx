import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RATING_SCALES } from "~/domain/outcomes";

type Options = { format: string; scale: string; source: string; team: string; mapping: Record<string, string> };

/** Lets the uploader settle a scale the ratings alone could not tell; re-reads the file with it. */
export function ScaleForm({ options, unknown }: { options: Options; unknown: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="inline-form">
      {unknown ? <p>{t("imports.scaleUnknown")}</p> : null}
      <input type="hidden" name="format" value={options.format} />
      <input type="hidden" name="source" value={options.source} />
      <input type="hidden" name="team" value={options.team} />
      {Object.entries(options.mapping).map(([field, header]) => (
        <input key={field} type="hidden" name={`map_${field}`} value={header} />
      ))}
      <div className="field">
        <label htmlFor="preview-scale">{t("imports.changeScale")}</label>
        <select id="preview-scale" name="scale" defaultValue={options.scale}>
          {RATING_SCALES.map((scale) => (
            <option key={scale} value={scale}>
              {t(`imports.scales.${scale}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("imports.readAgain")}
      </button>
    </Form>
  );
}
