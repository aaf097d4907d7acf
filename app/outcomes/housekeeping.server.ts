import { OUTCOME_RETENTION_MONTHS } from "~/domain/outcomes";
import { deleteTicketsBefore } from "~/models/helpdesk-ticket.server";
import { sweepStaleUploads } from "./upload.server";

/** The first ticket time that is still kept: OUTCOME_RETENTION_MONTHS back from now. */
export function retentionCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - OUTCOME_RETENTION_MONTHS);
  return cutoff.toISOString();
}

/** Deletes outcomes past their retention and uploads nobody committed. */
export async function sweepOutcomes(now: Date = new Date()): Promise<void> {
  await deleteTicketsBefore(retentionCutoff(now));
  await sweepStaleUploads(now);
}
