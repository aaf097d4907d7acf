import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

const UploadRow = z.object({ id: z.string(), created_by: z.number().int(), file_name: z.string(), file_path: z.string(), bytes: z.number().int(), created_at: z.string() });
export type OutcomeUpload = z.infer<typeof UploadRow>;

export async function insertUpload(upload: Omit<OutcomeUpload, "created_at">): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO outcome_uploads (id, created_by, file_name, file_path, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
      upload.id,
      upload.created_by,
      upload.file_name,
      upload.file_path,
      upload.bytes,
      isoNow(),
    ]),
  );
}

/** An upload waiting for its commit, only for the person who made it. */
export async function findUpload(id: string, userId: number): Promise<OutcomeUpload | undefined> {
  const db = await getDb();
  return db.get(UploadRow, "SELECT * FROM outcome_uploads WHERE id = ? AND created_by = ?", [id, userId]);
}

export async function deleteUpload(id: string): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM outcome_uploads WHERE id = ?", [id]));
}

/** Uploads older than the cut-off, for the sweep that deletes them and their files. */
export async function uploadsBefore(cutoff: string): Promise<OutcomeUpload[]> {
  const db = await getDb();
  return db.all(UploadRow, "SELECT * FROM outcome_uploads WHERE created_at < ?", [cutoff]);
}
