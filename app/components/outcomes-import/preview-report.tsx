import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PreviewView } from "~/outcomes/upload-flow.server";
import { formatDate } from "~/utils/dates";
import { RatingsTable } from "./ratings-table";
import { ScaleForm } from "./scale-form";
import { Figure } from "./figure";
import "~/locales/en/imports";

type Ready = Extract<PreviewView, { state: "ready" }>;
type Options = { format: string; scale: string; source: string; team: string; mapping: Record<string, string> };


/** Everything the file would do, in numbers and in the lines behind them, with the commit at the end. */
export function PreviewReport({ preview, options, query }: { preview: Ready; options: Options; query: string }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDate(iso, i18n.language);
  const toWrite = preview.counts.add + preview.counts.replace;
  const dates = preview.dateFrom && preview.dateTo ? `${when(preview.dateFrom)} – ${when(preview.dateTo)}` : "—";
  return (
    <>
      <section className="card stack" aria-labelledby="summary-title">
        <h2 id="summary-title">{t("imports.figuresTitle")}</h2>
        <dl className="import-figures">
          <Figure label={t("imports.summary.rowsRead")} value={preview.rowsRead} />
          <Figure label={t("imports.summary.added")} value={preview.counts.add} />
          <Figure label={t("imports.summary.replacing")} value={preview.counts.replace} />
          <Figure label={t("imports.summary.unchanged")} value={preview.counts.unchanged} />
          <Figure label={t("imports.summary.older")} value={preview.counts.older} />
          <Figure label={t("imports.summary.repeats")} value={preview.repeatCount} />
          <Figure label={t("imports.summary.refused")} value={preview.refusedCount} />
          <Figure label={t("imports.summary.agentsMatched")} value={preview.agentsMatched} />
          <Figure label={t("imports.summary.agentsUnknown")} value={preview.unknownAgentCount} />
          <Figure label={t("imports.summary.dates")} value={dates} />
        </dl>
        <ul>
          <li>{preview.format ? t("imports.formatUsed", { name: preview.format.name }) : t("imports.formatMappedUsed")}</li>
          <li>
            {t("imports.scaleUsed", {
              scale: preview.scale.scale ? t(`imports.scales.${preview.scale.scale}`) : "—",
              how: t(`imports.scaleHow.${preview.scale.how as "chosen"}`),
            })}
          </li>
          <li>{t("imports.sourceUsed", { source: preview.source })}</li>
          {preview.assumedUtc ? <li>{t("imports.assumedUtc")}</li> : null}
          {preview.ignoredColumns.length > 0 ? <li>{t("imports.ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}</li> : null}
        </ul>
        {preview.scale.how === "unknown" || preview.scale.how === "ambiguous" ? <ScaleForm options={options} unknown={preview.scale.how === "unknown"} /> : null}
        {preview.ratings.length > 0 ? <RatingsTable ratings={preview.ratings} /> : null}
      </section>

      {preview.refusedCount > 0 ? (
        <section className="card stack" aria-labelledby="refused-title">
          <h2 id="refused-title">{t("imports.refusedTitle")}</h2>
          <ul>
            {preview.refusedByReason.map((entry) => (
              <li key={entry.reason}>{t("imports.refusedByReason", { count: entry.count, reason: entry.reason })}</li>
            ))}
          </ul>
          <h3>{t("imports.refusedFirst", { count: preview.refused.length })}</h3>
          <ol className="import-lines">
            {preview.refused.map((row) => (
              <li key={row.line}>
                {t("imports.line", { line: row.line })}: {row.reason}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {preview.replacements.length + preview.older.length + preview.repeats.length > 0 ? (
        <section className="card stack" aria-labelledby="replacements-title">
          <h2 id="replacements-title">{t("imports.replacementsTitle")}</h2>
          <ul className="import-lines">
            {preview.replacements.map((row) => (
              <li key={`r${row.line}`}>
                {t("imports.replacementLine", { line: row.line, ticket: row.ticketId, newAt: when(row.newAt), storedAt: when(row.storedAt), importId: row.storedImportId })}
              </li>
            ))}
            {preview.older.map((row) => (
              <li key={`o${row.line}`}>{t("imports.olderLine", { line: row.line, ticket: row.ticketId, newAt: when(row.newAt), storedAt: when(row.storedAt) })}</li>
            ))}
            {preview.repeats.map((row) => (
              <li key={`d${row.line}`}>{t(row.identical ? "imports.repeatLineSame" : "imports.repeatLine", { line: row.line, kept: row.keptLine })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {preview.unknownAgentCount > 0 ? (
        <section className="card stack" aria-labelledby="unknown-title">
          <h2 id="unknown-title">{t("imports.unknownTitle")}</h2>
          <p>{t("imports.unknownIntro")}</p>
          <ul>
            {preview.unknownAgents.map((agent) => (
              <li key={agent.key}>{t("imports.unknownLine", { agent: agent.key, count: agent.rows })}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {preview.nothingToDo ? (
        <p className="notice notice--info" role="status">
          {t("imports.nothingToDo")}
        </p>
      ) : (
        <Form method="post" action={`?${query}`} className="import-actions">
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="format" value={options.format} />
          <input type="hidden" name="scale" value={preview.scale.scale ?? options.scale} />
          <input type="hidden" name="source" value={preview.source} />
          <input type="hidden" name="team" value={options.team} />
          {Object.entries(options.mapping).map(([field, header]) => (
            <input key={field} type="hidden" name={`map_${field}`} value={header} />
          ))}
          <button type="submit" className="button button--primary">
            {t("imports.commit", { count: toWrite })}
          </button>
        </Form>
      )}
    </>
  );
}
