import { useTranslation } from "react-i18next";
import { RATING_SCALES } from "~/domain/outcomes";
import "~/locales/en/imports";

/** The rating-scale choice, the same on the upload form, the column mapping and the preview. */
export function ScaleSelect({ id, label, defaultValue, offerDetect = true }: { id: string; label: string; defaultValue: string; offerDetect?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="scale" defaultValue={defaultValue}>
        {offerDetect ? <option value="detect">{t("imports.scaleDetect")}</option> : null}
        {RATING_SCALES.map((scale) => (
          <option key={scale} value={scale}>
            {t(`imports.scales.${scale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
