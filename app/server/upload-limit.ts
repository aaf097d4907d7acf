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
  res.status(413).set("Connection", "close").type("html").send(plainPage(req, { title: "errors.tooLargeTitle", message: "errors.tooLargeBody" }));
}
