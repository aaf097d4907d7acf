import { listAuditEntries, type AuditEntry } from "~/models/scenario-id.server";

export const LOG_PAGE_SIZE = 50;

/** A page of the workspace log, newest first, and where the next (older) page starts. */
export async function workspaceLog(before: number | null): Promise<{ entries: AuditEntry[]; olderFrom: number | null }> {
  const entries = await listAuditEntries(LOG_PAGE_SIZE + 1, before);
  const page = entries.slice(0, LOG_PAGE_SIZE);
  return { entries: page, olderFrom: entries.length > LOG_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}
