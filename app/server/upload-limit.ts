import type { NextFunction, Request, Response } from "express";
import { MAX_UPLOAD_BYTES } from "~/domain/outcomes";
import { plainPage } from "./plain-page";

// The multipart wrapping around a file (boundaries, the form's other fields) is small; this
// leaves room for it so that a file of exactly the limit is still taken.
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The outcomes upload has its own body limit: a declared length above it is answered with 413
 * before a byte is read. A body without a length is counted as it streams (upload.server.ts).
 */
export function limitUploadSize(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/team/outcomes/imports") return next();
  const declared = Number(req.get("content-length") ?? "0");
  if (!(declared > MAX_UPLOAD_BYTES + ENVELOPE_BYTES)) return next();
  res.status(413).type("html").send(plainPage(req, { title: "errors.tooLargeTitle", message: "errors.tooLargeBody" }));
  // The answer is sent before the body is read. The rest is then read and dropped, so the client
  // can finish sending and read the 413 instead of meeting a reset connection; a body far beyond
  // the limit is cut off.
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}

const DRAIN_LIMIT = 4 * MAX_UPLOAD_BYTES;
