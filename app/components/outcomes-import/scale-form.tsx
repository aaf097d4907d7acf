import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScaleSelect } from "./scale-select";
import "~/locales/en/imports";

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
      <ScaleSelect id="preview-scale" label={t("imports.changeScale")} defaultValue={options.scale} offerDetect={false} />
      <button type="submit" className="button">
        {t("imports.readAgain")}
      </button>
    </Form>
  );
}
