import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import { findPassMarkSetting, savePassMark } from "~/models/grading-setting.server";

/**
 * The pass mark: the overall score (0–100) at or above which a finished conversation counts as passed wherever
 * Frontline reports a pass or fail to another learning system (xAPI success, SCORM passed/failed; LTI grades send the
 * score alone, which the platform's grade book judges). One
 * organisation-wide setting, read at the moment of judging, so a change holds for the next result and never rewrites
 * one already sent. SCORM 1.2 packages also carry it as their mastery score, fixed when the package is downloaded.
 */

export const DEFAULT_PASS_MARK = 70;
export const PASS_MARK_MIN = 0;
export const PASS_MARK_MAX = 100;

const isPassMark = (value: number) => Number.isInteger(value) && value >= PASS_MARK_MIN && value <= PASS_MARK_MAX;

/** The pass mark in force now: what xAPI and SCORM judge a result against. */
export async function passMarkNow(): Promise<number> {
  return (await findPassMarkSetting())?.pass_mark ?? DEFAULT_PASS_MARK;
}

export type PassMarkView = { passMark: number; isDefault: boolean; fallback: number; min: number; max: number; updatedAt: string | null; updatedBy: string | null };

export async function passMarkView(): Promise<PassMarkView> {
  const row = await findPassMarkSetting();
  return {
    passMark: row?.pass_mark ?? DEFAULT_PASS_MARK,
    isDefault: !row,
    fallback: DEFAULT_PASS_MARK,
    min: PASS_MARK_MIN,
    max: PASS_MARK_MAX,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by_name ?? null,
  };
}

/** The form's one field; `message` names the field and its range, translated by the route. */
export function parsePassMarkForm(formData: FormData, message: string) {
  const schema = z.object({ passMark: z.number({ error: message }).int(message).min(PASS_MARK_MIN, message).max(PASS_MARK_MAX, message) });
  return parseWithZod(formData, { schema });
}

/** Stores the pass mark; false (and nothing stored) when it is already the one in force. */
export async function changePassMark(passMark: number, adminId: number | null, now: Date = new Date()): Promise<boolean> {
  if (!isPassMark(passMark)) throw new RangeError(`The pass mark must be a whole number from ${PASS_MARK_MIN} to ${PASS_MARK_MAX}, not ${passMark}.`);
  if (passMark === (await passMarkNow())) return false;
  await savePassMark(passMark, adminId, now);
  return true;
}
