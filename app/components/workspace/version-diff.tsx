import { useTranslation } from "react-i18next";
import "~/locales/en/workspace-diff";
import { formatCount } from "~/components/outcomes/format";
import type { DiffHunk, DiffRow, DiffSide, LineRange, VersionDiff } from "~/workspace/diff";

type Props = { diff: VersionDiff; from: DiffSide; to: DiffSide };

const SIGNS = { same: "", added: "+", removed: "\u2212" } as const;

/**
 * The line diff between two versions as one table per changed place. Server-rendered markup only,
 * so it reads the same without JavaScript; a change is marked by a sign and a hidden word, not by
 * colour alone, and long lines wrap inside the table at any width.
 */
export function VersionDiffView({ diff, from, to }: Props) {
  const { t, i18n } = useTranslation();
  const side = (value: DiffSide) => (value === "draft" ? t("workspaceDiff.draft") : t("workspaceDiff.version", { number: value }));
  const count = (value: number) => formatCount(value, i18n.language);
  const label = t("workspaceDiff.label", { from: side(from), to: side(to) });

  if (diff.tooLarge) {
    const limit = count(diff.reason === "source" ? diff.limit / 1024 : diff.limit);
    return (
      <section className="version-diff" aria-label={label}>
        <p className="version-diff__message">
          {t(`workspaceDiff.tooLarge.${diff.reason}`, { limit })}{" "}
          {diff.reason === "changes" || diff.reason === "rows" ? t("workspaceDiff.tooLarge.closer") : null}
        </p>
      </section>
    );
  }

  const notes = [diff.notes.lineEndings ? t("workspaceDiff.lineEndings") : null, diff.notes.finalNewline ? t("workspaceDiff.finalNewline") : null].filter(
    (note): note is string => note !== null,
  );
  return (
    <section className="version-diff" aria-label={label}>
      <p className="version-diff__summary">
        {diff.hunks.length === 0
          ? t("workspaceDiff.same")
          : t("workspaceDiff.summary", {
              added: t("workspaceDiff.addedCount", { count: diff.added, formatted: count(diff.added) }),
              removed: t("workspaceDiff.removedCount", { count: diff.removed, formatted: count(diff.removed) }),
              hunks: t("workspaceDiff.hunks", { count: diff.hunks.length }),
            })}
      </p>
      {notes.map((note) => (
        <p key={note} className="version-diff__note">
          {note}
        </p>
      ))}
      {diff.hunks.map((hunk) => (
        <HunkTable key={`${hunk.old?.first ?? 0}-${hunk.new?.first ?? 0}`} hunk={hunk} from={from} to={to} side={side} />
      ))}
    </section>
  );
}

function HunkTable({ hunk, from, to, side }: { hunk: DiffHunk; from: DiffSide; to: DiffSide; side: (value: DiffSide) => string }) {
  const { t } = useTranslation();
  const heading = (value: DiffSide) => (value === "draft" ? t("workspaceDiff.draftHeading") : t("workspaceDiff.versionHeading", { number: value }));
  const part = (range: LineRange, value: DiffSide, start: "from" | "to") => {
    if (range === null) return t(`workspaceDiff.${start}None`, { side: side(value) });
    if (range.first === range.last) return t(`workspaceDiff.${start}Line`, { line: range.first, side: side(value) });
    return t(`workspaceDiff.${start}Lines`, { first: range.first, last: range.last, side: side(value) });
  };
  return (
    <table className="version-diff__hunk">
      <caption>{t("workspaceDiff.caption", { from: part(hunk.old, from, "from"), to: part(hunk.new, to, "to") })}</caption>
      <colgroup>
        <col className="version-diff__col-sign" />
        <col className="version-diff__col-line" />
        <col className="version-diff__col-line" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t("workspaceDiff.change")}</span>
          </th>
          <th scope="col">{heading(from)}</th>
          <th scope="col">{heading(to)}</th>
          <th scope="col">
            <span className="visually-hidden">{t("workspaceDiff.text")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {hunk.rows.map((row) => (
          <Row key={`${row.oldLine ?? ""}:${row.newLine ?? ""}`} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function Row({ row }: { row: DiffRow }) {
  const { t } = useTranslation();
  return (
    <tr className={`version-diff__row version-diff__row--${row.kind}`}>
      <td className="version-diff__sign">
        {row.kind === "same" ? null : (
          <>
            <span aria-hidden="true">{SIGNS[row.kind]}</span>
            <span className="visually-hidden">{t(`workspaceDiff.sign.${row.kind}`)}</span>
          </>
        )}
      </td>
      <td className="version-diff__number">{row.oldLine}</td>
      <td className="version-diff__number">{row.newLine}</td>
      <td className="version-diff__text">{row.text}</td>
    </tr>
  );
}
