import { useTranslation } from "react-i18next";
import "~/locales/en/scorm";
import { SCORM_VERSIONS } from "~/scorm/versions";

/**
 * "Download SCORM package": a plain GET form (not Remix's, which would fetch the zip as data) whose version choice
 * becomes `?v=`; the answer is an attachment, so the page stays where it is. Works without JavaScript.
 */
export function ScormDownloadForm({
  action,
  id,
  label,
  button,
  buttonLabel,
  visibleLabel = false,
}: {
  action: string;
  id: string;
  /** The version menu's label. */
  label: string;
  button: string;
  /** The button's accessible name when its text alone would be ambiguous (one per table row). */
  buttonLabel?: string;
  visibleLabel?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <form method="get" action={action} className="scorm-download">
      <label htmlFor={id} className={visibleLabel ? undefined : "visually-hidden"}>
        {label}
      </label>
      <select id={id} name="v" defaultValue="2004">
        {SCORM_VERSIONS.map((version) => (
          <option key={version} value={version}>
            {t(`scorm.download.versions.${version}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" aria-label={buttonLabel}>
        {button}
      </button>
    </form>
  );
}
