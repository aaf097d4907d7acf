import { randomUUID } from "node:crypto";
import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import { passMarkNow } from "~/grading/pass-mark.server";
import { findLrsSettings, saveLrsSettings } from "~/models/lrs-settings.server";
import type { StatementSetting } from "./statements";

/**
 * The organisation's LRS: where statements go and with which key. The secret is stored (each request needs it) and
 * never shown again: the page says only whether one is set. The pass mark a completion is judged against is a grading
 * setting (app/grading/pass-mark.server.ts), shown on the LRS page only to say where it is set.
 */

export const LRS_FIELD_MAX = 500;

export type LrsSettingsView = {
  enabled: boolean;
  endpoint: string;
  username: string;
  hasSecret: boolean;
  activityBase: string;
  /** The grading setting in force, read-only here. */
  passMark: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

/** `origin`: the address this page was opened at, proposed as the base of activity IRIs until one is saved. */
export async function lrsSettingsView(origin: string): Promise<LrsSettingsView> {
  const [row, passMark] = await Promise.all([findLrsSettings(), passMarkNow()]);
  return {
    enabled: row?.enabled ?? false,
    endpoint: row?.endpoint ?? "",
    username: row?.username ?? "",
    hasSecret: Boolean(row?.secret),
    activityBase: row?.activity_base ?? origin,
    passMark,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by_name ?? null,
  };
}

export type LrsFormMessages = { endpoint: string; username: string; secret: string; activityBase: string; tooLong: string };

const webAddress = (message: string, tooLong: string) =>
  z
    .string({ error: message })
    .trim()
    .max(LRS_FIELD_MAX, tooLong)
    .refine((value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.search && !url.hash && !url.username && !url.password;
    }, message)
    // Without the trailing slash, so "<endpoint>/statements" and "<base>/xapi/…" have one slash.
    .transform((value) => value.replace(/\/+$/, ""));

/** The form; with the LRS on, the address, key and a secret (typed now or stored before) are required. */
export function parseLrsForm(formData: FormData, messages: LrsFormMessages, { hasSecret }: { hasSecret: boolean }) {
  const text = z.string().trim().max(LRS_FIELD_MAX, messages.tooLong);
  const schema = z
    .object({
      enabled: z.boolean().default(false),
      endpoint: webAddress(messages.endpoint, messages.tooLong).optional(),
      username: text.optional(),
      secret: text.optional(),
      activityBase: webAddress(messages.activityBase, messages.tooLong),
    })
    .superRefine((value, ctx) => {
      if (!value.enabled) return;
      if (!value.endpoint) ctx.addIssue({ code: "custom", path: ["endpoint"], message: messages.endpoint });
      if (!value.username) ctx.addIssue({ code: "custom", path: ["username"], message: messages.username });
      if (!value.secret && !hasSecret) ctx.addIssue({ code: "custom", path: ["secret"], message: messages.secret });
    });
  return parseWithZod(formData, { schema });
}

export type LrsFormValues = { enabled: boolean; endpoint?: string; username?: string; secret?: string; activityBase: string };

export async function saveLrsForm(values: LrsFormValues, adminId: number | null, now: Date = new Date()): Promise<void> {
  await saveLrsSettings(
    {
      enabled: values.enabled,
      endpoint: values.endpoint || null,
      username: values.username || null,
      secret: values.secret || null,
      activityBase: values.activityBase,
      newNamespace: randomUUID(),
    },
    adminId,
    now,
  );
}

/** What statements are built with now, or null when no LRS is switched on (then nothing is queued). */
export async function statementSettingNow(): Promise<StatementSetting | null> {
  const row = await findLrsSettings();
  if (!row?.enabled || !row.endpoint || !row.activity_base) return null;
  return { namespace: row.statement_namespace, activityBase: row.activity_base };
}

/** Where and how to send, read at each delivery, so a corrected key reaches the rows already waiting. */
export async function lrsTarget(): Promise<{ endpoint: string; username: string; secret: string } | null> {
  const row = await findLrsSettings();
  if (!row?.enabled || !row.endpoint || !row.username || !row.secret) return null;
  return { endpoint: row.endpoint, username: row.username, secret: row.secret };
}
