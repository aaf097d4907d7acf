import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import "~/locales/en/analytics";

type Version = { hash: string; createdAt: string; current: boolean; attempts: number };
type Props = {
  versions: readonly Version[];
  selected: string;
  /** The page's filters, kept as hidden fields so that the picked version is one link. */
  keep: Record<string, string>;
};

/** Which scenario version the item analysis shows: a plain GET form, so every view is a link. */
export function VersionPicker({ versions, selected, keep }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Form method="get" className="filters" aria-label={t("analytics.items.version")}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="item-version">{t("analytics.items.version")}</label>
        <select id="item-version" name="version" defaultValue={selected}>
          {versions.map((version) => {
            const values = { date: formatDate(version.createdAt, i18n.language), hash: version.hash.slice(0, 7), count: version.attempts };
            return (
              <option key={version.hash} value={version.hash}>
                {version.current ? t("analytics.items.versionCurrent", values) : t("analytics.items.versionOption", values)}
              </option>
            );
          })}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t("analytics.items.show")}
        </button>
      </div>
    </Form>
  );
}
