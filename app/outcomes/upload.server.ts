import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { databasePath } from "#db/paths.server";
import { MAX_UPLOAD_BYTES } from "~/domain/outcomes";
import { deleteUpload, findUpload, insertUpload, uploadsBefore, type OutcomeUpload } from "~/models/outcome-upload.server";

/** Uploaded files wait here between preview and commit, beside the database. */
export function uploadsDir(): string {
  return path.join(path.dirname(databasePath()), "uploads");
}

/** Too big to read: the route answers 413. */
export class UploadTooLarge extends Error {}

const FIELD_LIMIT = 10_000;
const DRAIN_LIMIT = 2 * MAX_UPLOAD_BYTES;

/**
 * Streams the multipart body: the `file` part to disk (counting bytes, so a body without a length
 * still stops at the limit), every other part into memory, small. Nothing is stored in the
 * database until the file is whole.
 */
export async function receiveUpload(request: Request, userId: number): Promise<{ upload: OutcomeUpload | null; fields: Map<string, string>; empty: boolean }> {
  fs.mkdirSync(uploadsDir(), { recursive: true });
  const id = randomBytes(16).toString("hex");
  const target = path.join(uploadsDir(), `${id}.csv`);
  let fileName: string | null = null;
  let bytes = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name === "file" && filename !== undefined) {
      fileName = path.basename(filename).slice(0, 200) || "upload.csv";
      const out = fs.createWriteStream(target);
      try {
        for await (const chunk of data) {
          bytes += chunk.byteLength;
          // Past the limit the rest is read and dropped, so the browser gets the 413 rather than a
          // reset connection; a body that goes on far beyond it is cut off.
          if (bytes > DRAIN_LIMIT) throw new UploadTooLarge();
          if (bytes > MAX_UPLOAD_BYTES) continue;
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
        }
      } finally {
        await new Promise<void>((resolve) => out.end(() => resolve()));
      }
      return fileName;
    }
    let text = "";
    for await (const chunk of data) {
      text += Buffer.from(chunk).toString("utf8");
      if (text.length > FIELD_LIMIT) throw new UploadTooLarge();
    }
    return text;
  };
  try {
    const form = await unstable_parseMultipartFormData(request, handler);
    if (bytes > MAX_UPLOAD_BYTES) throw new UploadTooLarge();
    const fields = new Map<string, string>();
    for (const [key, value] of form) if (typeof value === "string" && key !== "file") fields.set(key, value);
    if (fileName === null || bytes === 0) {
      fs.rmSync(target, { force: true });
      return { upload: null, fields, empty: fileName !== null };
    }
    const upload = { id, created_by: userId, file_name: fileName, file_path: target, bytes };
    await insertUpload(upload);
    return { upload: { ...upload, created_at: new Date().toISOString() }, fields, empty: false };
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
}

export async function uploadFor(id: string, userId: number): Promise<OutcomeUpload | undefined> {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
  const upload = await findUpload(id, userId);
  return upload && fs.existsSync(upload.file_path) ? upload : undefined;
}

export async function discardUpload(upload: OutcomeUpload): Promise<void> {
  fs.rmSync(upload.file_path, { force: true });
  await deleteUpload(upload.id);
}

const KEEP_UPLOADS_MS = 24 * 60 * 60 * 1000;

/** Uploads nobody committed within a day are deleted with their files. */
export async function sweepStaleUploads(now: Date = new Date()): Promise<void> {
  for (const upload of await uploadsBefore(new Date(now.getTime() - KEEP_UPLOADS_MS).toISOString())) await discardUpload(upload);
}
