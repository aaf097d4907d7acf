import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AgentsView } from "~/outcomes/agents-scatter";
import { formatCount } from "./format";
import "~/locales/en/outcomes-page";

export const IMPORTS_PAGE = "/team/outcomes/imports";
/** Where a helpdesk agent is matched to a person, once for every import. */
export const AGENTS_PAGE = "/team/outcomes/agents";

/** Who the agents section could not count, and why, with the way to fix the one a manager can fix. */
export function LeftOut({ leftOut, unknown }: { leftOut: AgentsView["leftOut"]; unknown: { tickets: number; agents: number } }) {
  const { t, i18n } = useTranslation();
  const n = (count: number) => ({ count, n: formatCount(count, i18n.language) });
  const lines: string[] = [];
  if (leftOut.noMastery > 0) lines.push(t("outcomesPage.leftOut.noMastery", n(leftOut.noMastery)));
  if (leftOut.noRatings > 0) lines.push(t("outcomesPage.leftOut.noRatings", n(leftOut.noRatings)));
  if (leftOut.noTickets > 0) lines.push(t("outcomesPage.leftOut.noTickets", n(leftOut.noTickets)));
  return (
    <section className="card stack" aria-labelledby="left-out-title">
      <h2 id="left-out-title">{t("outcomesPage.leftOut.title")}</h2>
      {lines.length === 0 && unknown.tickets === 0 ? <p>{t("outcomesPage.leftOut.none")}</p> : null}
      {lines.length > 0 || unknown.tickets > 0 ? (
        <ul className="link-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
          {unknown.tickets > 0 ? (
            <li>
              {t("outcomesPage.leftOut.unknown", { ...n(unknown.tickets), agents: formatCount(unknown.agents, i18n.language) })}{" "}
              <Link to={AGENTS_PAGE}>{t("outcomesPage.leftOut.unknownLink")}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
