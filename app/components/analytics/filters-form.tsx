import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import "~/locales/en/analytics";

type Props = {
  teams: { id: number; name: string }[];
  filters: { team?: number; from?: string; to?: string };
  /** Extra query values to keep (e.g. the sort order). */
  keep?: Record<string, string>;
  clearTo: string;
};

/** Team and date-range filters as a plain GET form: works without JavaScript and can be bookmarked. */
export function FiltersForm({ teams, filters, keep = {}, clearTo }: Props) {
  const { t } = useTranslation();
  const active = filters.team !== undefined || filters.from || filters.to;
  // ISO days compare as text. Kept as typed (the numbers below are simply empty) and said plainly.
  const reversed = Boolean(filters.from && filters.to && filters.from > filters.to);
  return (
    <Form method="get" className="filters card" aria-label={t("analytics.filters")}>
      {reversed ? (
        <p className="form-errors filters__error" role="alert">
          {t("analytics.reversedRange")}
        </p>
      ) : null}
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {teams.length > 1 ? (
        <div className="field">
          <label htmlFor="filter-team">{t("analytics.team")}</label>
          <select id="filter-team" name="team" defaultValue={filters.team ?? ""}>
            <option value="">{t("analytics.allTeams")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-from">{t("analytics.from")}</label>
        <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} aria-invalid={reversed || undefined} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t("analytics.to")}</label>
        <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} aria-invalid={reversed || undefined} />
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t("catalogue.apply")}
        </button>
        {active ? (
          <Link to={clearTo} className="button button--quiet">
            {t("catalogue.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
