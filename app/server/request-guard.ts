/**
 * What every request must be before any of it is read: a method the app answers, a request
 * target and Host it can make a URL of, a body type its actions can parse, and a body no larger
 * than its route takes. A request that fails gets a short page with a 4xx status and one log line
 * (the request log's), never a stack trace or a 500, and its body is never buffered.
 */
import type { NextFunction, Request, Response } from "express";
import { MAX_UPLOAD_BYTES } from "~/domain/outcomes";
import { MAX_SOURCE_BYTES } from "~/workspace/source";
import { plainPage, type PlainMessage } from "./plain-page";

const METHODS = new Set(["GET", "HEAD", "POST"]);
const ALLOW = [...METHODS].join(", ");

/** Form posts: the longest, an assignment that ticks a few hundred trainees, stays under a tenth of this. */
export const FORM_BODY_BYTES = 32 * 1024;
// The multipart wrapping around a file (boundaries, the form's other fields) is small; this leaves room for it, so
// that a file of exactly the limit is still taken.
const ENVELOPE_BYTES = 64 * 1024;

type BodyRule = {
  pattern: RegExp;
  bytes: number;
  /** The route counts the body itself as it streams, so a body without a length is fine. */
  streamed?: boolean;
  /** What a 413 says: the limit the person can act on. */
  tooLarge: PlainMessage;
};
const FORM_TOO_LARGE: PlainMessage = { title: "errors.formTooLargeTitle", message: "errors.formTooLargeBody" };

/** An LTI id_token carries the platform's claims (names, roles, custom parameters): more than a form, far less than this. */
export const LTI_BODY_BYTES = 64 * 1024;

/** Routes that take more than a form, first match wins; everything else gets FORM_BODY_BYTES. */
export const BODY_RULES: readonly BodyRule[] = [
  { pattern: /^\/lti\/(?:login|launch)$/, bytes: LTI_BODY_BYTES, tooLarge: FORM_TOO_LARGE },
  // The helpdesk export upload, counted as it streams (upload.server.ts).
  { pattern: /^\/team\/outcomes\/imports\/?$/, bytes: MAX_UPLOAD_BYTES + ENVELOPE_BYTES, streamed: true, tooLarge: { title: "errors.tooLargeTitle", message: "errors.tooLargeBody" } },
  // A scenario's source: URL encoding can triple a text, and an import adds a multipart envelope.
  {
    pattern: /^\/workspace\/(?:new|[^/]+(?:\/(?:draft|check))?)\/?$/,
    bytes: 4 * MAX_SOURCE_BYTES,
    tooLarge: { title: "errors.sourceTooLargeTitle", message: "errors.sourceTooLargeBody" },
  },
];

/** The most bytes a POST to `path` may carry, and whether its route counts a body sent without a length. */
export function bodyRuleFor(path: string): { bytes: number; streamed: boolean; tooLarge: PlainMessage } {
  const rule = BODY_RULES.find((candidate) => candidate.pattern.test(path));
  return { bytes: rule?.bytes ?? FORM_BODY_BYTES, streamed: rule?.streamed ?? false, tooLarge: rule?.tooLarge ?? FORM_TOO_LARGE };
}

/** Body types the app's actions parse: forms. */
function acceptedBodyType(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return true;
  return type === "multipart/form-data" && /;\s*boundary=/i.test(contentType ?? "");
}

// A host name, an IPv4 address or a bracketed IPv6 address, with an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Whether every %-escape in the path decodes (the router decodes it, and a bad one would throw there). */
function decodablePath(url: string): boolean {
  const path = url.split("?")[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function guardRequest(req: Request, res: Response, next: NextFunction) {
  if (!METHODS.has(req.method)) {
    res.set("Allow", ALLOW);
    return refuse(req, res, 405, { title: "errors.methodTitle", message: "errors.methodBody" });
  }
  // Origin-form only ("/path?query"): not "*", not an absolute URL, not "//host".
  if (!req.url.startsWith("/") || req.url.startsWith("//") || !decodablePath(req.url) || !HOST.test(req.get("host") ?? "")) {
    return refuse(req, res, 400, { title: "errors.badRequestTitle", message: "errors.badRequestPlainBody" });
  }
  // The API reads JSON, and answers its own 413 and 415 in JSON, counting the body as it streams (api-request.server.ts).
  if (req.method !== "POST" || req.path.startsWith("/api/")) return next();
  const declared = req.get("content-length");
  // A POST with no body at all (a button's fetch, say) has nothing to parse, whatever its type.
  const empty = (declared === undefined || declared === "0") && req.get("transfer-encoding") === undefined;
  if (!empty && !acceptedBodyType(req.get("content-type"))) {
    return refuse(req, res, 415, { title: "errors.mediaTypeTitle", message: "errors.mediaTypeBody" });
  }
  const rule = bodyRuleFor(req.path);
  if (declared === undefined && req.get("transfer-encoding") !== undefined && !rule.streamed) {
    return refuse(req, res, 411, { title: "errors.lengthTitle", message: "errors.lengthBody" });
  }
  if (Number(declared ?? "0") > rule.bytes) return refuse(req, res, 413, rule.tooLarge);
  next();
}

/**
 * Answers before the body is read. The rest of the body is then read and dropped, so that the client can finish
 * sending and read the answer instead of meeting a reset connection; a body far beyond any limit is cut off.
 */
function refuse(req: Request, res: Response, status: 400 | 405 | 411 | 413 | 415, message: PlainMessage) {
  res.status(status).set("Cache-Control", "no-store").type("html").send(plainPage(req, message));
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}

const DRAIN_LIMIT = 4 * MAX_UPLOAD_BYTES;
