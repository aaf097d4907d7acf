import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScaleSelect } from "./scale-select";
import "~/locales/en/imports";

type Props = {
  formats: { id: string; name: string }[];
  teams: { id: number; name: string }[];
  isAdmin: boolean;
  error: string | null;
};

/** The upload form: a file and the few choices that shape how it is read. Works without JavaScript. */
export function UploadForm({ formats, teams, isAdmin, error }: Props) {
  const { t } = useTranslation();
  return (
    <Form method="post" encType="multipart/form-data" className="card stack" aria-labelledby="upload-title">
      <h2 id="upload-title">{t("imports.uploadTitle")}</h2>
      {error ? (
        <div className="form-errors" role="alert" id="upload-error">
          <p>{error}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="upload-file">{t("imports.file")}</label>
        <input id="upload-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="upload-file-hint" aria-invalid={error ? true : undefined} />
        <p id="upload-file-hint" className="muted">
          {t("imports.fileHint")}
        </p>
      </div>
      <div className="import-choices">
        <div className="field">
          <label htmlFor="upload-format">{t("imports.format")}</label>
          <select id="upload-format" name="format" defaultValue="auto">
            <option value="auto">{t("imports.formatAuto")}</option>
            {formats.map((format) => (
              <option key={format.id} value={format.id}>
                {format.name}
              </option>
            ))}
            <option value="mapped">{t("imports.formatMapped")}</option>
          </select>
        </div>
        <ScaleSelect id="upload-scale" label={t("imports.scale")} defaultValue="detect" />
        <div className="field">
          <label htmlFor="upload-team">{t("imports.team")}</label>
          <select id="upload-team" name="team" defaultValue="all">
            <option value="all">{isAdmin ? t("imports.teamOrganisation") : t("imports.teamAllManaged")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="upload-source">{t("imports.source")}</label>
        <input id="upload-source" name="source" type="text" maxLength={40} autoComplete="off" aria-describedby="upload-source-hint" />
        <p id="upload-source-hint" className="muted">
          {t("imports.sourceHint")}
        </p>
      </div>
      <div>
        <button type="submit" className="button button--primary">
          {t("imports.upload")}
        </button>
      </div>
    </Form>
  );
}
