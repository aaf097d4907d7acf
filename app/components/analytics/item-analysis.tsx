import { useTranslation } from "react-i18next";
import type { ItemAnalysisView, ItemRow } from "~/analytics/item-analysis.server";
import { VersionPicker } from "./version-picker";
import "~/locales/en/analytics";

type Props = {
  items: ItemAnalysisView;
  /** The page's filters as query values, kept by the version picker and the export link. */
  keep: Record<string, string>;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

function Flags({ row, min }: { row: ItemRow; min: number }) {
  const { t } = useTranslation();
  const { flags, topThird } = row.stats;
  if (!flags) return <span className="muted">{t("analytics.items.tooFew", { min })}</span>;
  if (!flags.tooEasy && !flags.notSeparating && !flags.keyError) return <>{t("analytics.items.noFlags")}</>;
  const keyReply = row.replies.find((reply) => reply.id === topThird.popularWrong?.choiceId);
  return (
    <ul className="item-flags">
      {flags.tooEasy ? <li className="badge badge--muted">{t("analytics.items.tooEasy")}</li> : null}
      {flags.notSeparating ? <li className="badge badge--warn">{t("analytics.items.notSeparating")}</li> : null}
      {flags.keyError ? (
        <li>
          <span className="badge badge--danger">{t("analytics.items.keyError")}</span>
          <span className="choice-condition">
            {t("analytics.items.keyErrorDetail", { wrong: topThird.popularWrong?.count ?? 0, reply: keyReply?.text ?? "", best: topThird.best })}
          </span>
        </li>
      ) : null}
    </ul>
  );
}

/** The item-analysis table of one scenario version, with its version picker and CSV export. */
export function ItemAnalysis({ items, keep }: Props) {
  const { t } = useTranslation();
  const selected = items.selected;
  const query = new URLSearchParams({ ...keep, ...(selected ? { version: selected.hash } : {}) }).toString();
  const labels = {
    decision: t("analytics.items.decision"),
    answers: t("analytics.items.answers"),
    facility: t("analytics.items.facility"),
    discrimination: t("analytics.items.discrimination"),
    popularWrong: t("analytics.items.popularWrong"),
    flags: t("analytics.items.flags"),
  };
  return (
    <section className="card stack" aria-labelledby="items-title">
      <h2 id="items-title">{t("analytics.items.title")}</h2>
      <p className="muted">{t("analytics.items.intro")}</p>
      <p className="muted">{t("analytics.items.discriminationNote")}</p>
      <p className="muted">{t("analytics.items.flagsNote", { min: items.minAnswers })}</p>
      {!selected ? (
        <p className="notice">
          {t("analytics.items.none")} {items.fastExcluded > 0 ? t("analytics.items.fastNoteAll", { count: items.fastExcluded }) : null}
        </p>
      ) : (
        <>
          <VersionPicker versions={items.versions} selected={selected.hash} keep={keep} />
          <p>
            {t("analytics.items.counting", { count: selected.attempts })}{" "}
            {selected.fastExcluded > 0 ? t("analytics.items.fastNote", { count: selected.fastExcluded }) : null}
          </p>
          <p>
            <a href={`/analytics/scenarios/${items.scenarioId}/items.csv?${query}`} download>
              {t("analytics.items.export")}
            </a>
          </p>
          <div className="table-wrap">
            <table className="table--stack table--compact items-table">
              <caption className="visually-hidden">{t("analytics.items.caption")}</caption>
              <thead>
                <tr>
                  {Object.values(labels).map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.rows.map((row) => (
                  <tr key={row.key}>
                    <td data-label={labels.decision} className="items-table__decision">
                      <div className="items-table__stack">
                        <p className="items-table__step">
                          {t("analytics.step")} <code>{row.stepId}</code>
                        </p>
                        {row.customer.map((line, index) => (
                          <p key={index} className="items-table__customer">
                            “{line}”
                          </p>
                        ))}
                        <ol className="items-table__replies">
                          {row.replies.map((reply) => (
                            <li key={reply.id}>
                              {reply.best ? <span className="rating rating--best">{t("analytics.items.bestMark")}</span> : null} {reply.text}{" "}
                              <span className="muted nowrap">({t("analytics.items.picks", { count: reply.count })})</span>
                            </li>
                          ))}
                        </ol>
                      </div>
                    </td>
                    <td data-label={labels.answers}>{row.stats.answers}</td>
                    <td data-label={labels.facility} className="nowrap">
                      {t("analytics.items.facilityValue", {
                        share: percent(row.stats.facility),
                        best: Math.round(row.stats.facility * row.stats.answers),
                        count: row.stats.answers,
                      })}
                    </td>
                    <td data-label={labels.discrimination}>{row.stats.discrimination === null ? "—" : row.stats.discrimination.toFixed(2)}</td>
                    <td data-label={labels.popularWrong} className="items-table__wrong">
                      {row.stats.popularWrong ? (
                        <>
                          {row.stats.popularWrong.text}{" "}
                          <span className="muted nowrap">
                            {t("analytics.items.popularWrongValue", { count: row.stats.popularWrong.count, share: percent(row.stats.popularWrong.share) })}
                          </span>
                        </>
                      ) : (
                        t("analytics.items.nothingWrong")
                      )}
                    </td>
                    <td data-label={labels.flags}>
                      <Flags row={row} min={items.minAnswers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
