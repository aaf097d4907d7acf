/**
 * Every complete path from a start point (pathsFrom or enumeratePaths in ~/engine): its replies as
 * a short list, the ending, outcome, score and length. When there are more than the caller's limit
 * (TooManyPathsError, or a truncated list), it says so plainly instead of listing a partial page
 * as if it were all.
 */
import { useTranslation } from "react-i18next";
import type { PathEntry } from "~/engine";
import "~/locales/en/workspace-preview";

export function PathsTable({
  from,
  paths,
  limit,
  tooMany,
  idPrefix = "paths",
}: {
  /** The step the paths start at. */
  from: string;
  /** Every path, or the first `limit` of them when `tooMany`. */
  paths: readonly PathEntry[];
  limit: number;
  /** There are more than `limit` paths (enumeratePaths threw TooManyPathsError, or the list was truncated). */
  tooMany: boolean;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const label = (key: "number" | "replies" | "ending" | "outcome" | "score" | "length") => t(`workspacePreview.paths.${key}`);
  return (
    <section className="stack" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t("workspacePreview.paths.title", { step: from })}</h2>
      <p role={tooMany ? "status" : undefined}>
        {!tooMany
          ? t("workspacePreview.paths.total", { count: paths.length })
          : paths.length === 0
            ? t("workspacePreview.paths.tooMany", { limit })
            : t("workspacePreview.paths.firstShown", { limit, shown: paths.length })}
      </p>
      {paths.length > 0 ? <p className="hint">{t("workspacePreview.paths.numbering")}</p> : null}
      {paths.length > 0 ? (
        <div className="card table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">{t("workspacePreview.paths.caption", { step: from })}</caption>
            <thead>
              <tr>
                <th scope="col">{label("number")}</th>
                <th scope="col">{label("replies")}</th>
                <th scope="col">{label("ending")}</th>
                <th scope="col">{label("outcome")}</th>
                <th scope="col">{label("score")}</th>
                <th scope="col">{label("length")}</th>
              </tr>
            </thead>
            <tbody>
              {paths.map((path, index) => {
                const positions = path.choices ? path.choices.split(",") : [];
                return (
                  <tr key={path.choices}>
                    <th scope="row" data-label={label("number")}>
                      {index + 1}
                    </th>
                    <td data-label={label("replies")}>
                      <ol className="path-replies">
                        {positions.map((position, turn) => (
                          <li key={turn}>{t("workspacePreview.paths.replyAt", { step: path.result.path[turn], position })}</li>
                        ))}
                      </ol>
                    </td>
                    <td data-label={label("ending")} className="mono">
                      {path.result.ending}
                    </td>
                    <td data-label={label("outcome")}>{t(`debrief.outcomes.${path.result.outcome}`)}</td>
                    <td data-label={label("score")}>{path.result.overall ?? t("workspacePreview.paths.noScore")}</td>
                    <td data-label={label("length")}>{t("workspacePreview.paths.lengthValue", { count: positions.length })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
