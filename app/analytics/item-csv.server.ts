import type { ItemAnalysisView } from "./item-analysis.server";

export const ITEM_CSV_HEADER = [
  "scenario_id",
  "version",
  "version_created_at",
  "step_id",
  "customer",
  "replies_offered",
  "best_replies",
  "answers",
  "facility",
  "discrimination_point_biserial",
  "popular_wrong_reply_id",
  "popular_wrong_reply",
  "popular_wrong_answers",
  "top_third_trainees",
  "top_third_answers",
  "top_third_best",
  "flags_shown",
  "flag_too_easy",
  "flag_not_separating",
  "flag_possible_key_error",
];

const yesNo = (value: boolean | undefined) => (value === undefined ? null : value ? "yes" : "no");
const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** The item-analysis table as CSV rows: one per decision, figures unrounded beyond four places. */
export function itemCsvRows(items: ItemAnalysisView): (string | number | null)[][] {
  const version = items.selected;
  if (!version) return [];
  return items.rows.map((row) => [
    items.scenarioId,
    version.hash,
    version.createdAt,
    row.stepId,
    row.customer.join("\n"),
    row.replies.map((reply) => `${reply.id}: ${reply.text} (${reply.count})`).join("\n"),
    row.replies.filter((reply) => reply.best).map((reply) => reply.id).join(" "),
    row.stats.answers,
    round(row.stats.facility, 4),
    round(row.stats.discrimination, 4),
    row.stats.popularWrong?.id ?? null,
    row.stats.popularWrong?.text ?? null,
    row.stats.popularWrong?.count ?? 0,
    row.stats.topThird.trainees,
    row.stats.topThird.answers,
    row.stats.topThird.best,
    yesNo(row.stats.flags !== null),
    yesNo(row.stats.flags?.tooEasy),
    yesNo(row.stats.flags?.notSeparating),
    yesNo(row.stats.flags?.keyError),
  ]);
}
