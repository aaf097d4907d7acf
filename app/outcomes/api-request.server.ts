/**
 * The HTTP edges of the outcomes API that are not about outcomes: reading a JSON body without
 * ever holding more than the limit, and a per-token request rate.
 */
import { takeRequestSlot } from "~/models/api-request.server";

/** 1,000 outcomes of ordinary size take about 200 KB; 1 MB leaves room without inviting abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyProblem = { status: 400 | 413 | 415; code: "unsupported_media_type" | "body_too_large" | "invalid_json"; message: string };
export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: BodyProblem };

const tooLarge = (limit: number): BodyProblem => ({ status: 413, code: "body_too_large", message: `The body is larger than ${limit} bytes. Send at most 1,000 outcomes per request.` });
const notJson = (message: string): BodyProblem => ({ status: 400, code: "invalid_json", message });

function mediaTypeProblem(contentType: string | null): BodyProblem | null {
  const [type = "", ...params] = (contentType ?? "").split(";").map((part) => part.trim().toLowerCase());
  const charset = params.find((param) => param.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (type === "application/json" && (charset === undefined || charset === "utf-8")) return null;
  return {
    status: 415,
    code: "unsupported_media_type",
    message: `Send the outcomes as JSON with "Content-Type: application/json" (UTF-8); this request says "${(contentType ?? "nothing").slice(0, 80)}".`,
  };
}

/**
 * The body as JSON. A declared Content-Length above the limit is refused before a byte is read,
 * and the stream is counted as it arrives, so a body that lies about its length or has none
 * (chunked) still stops at the limit.
 */
export async function readJsonBody(request: Request, limit: number = MAX_BODY_BYTES): Promise<JsonBody> {
  const mediaType = mediaTypeProblem(request.headers.get("content-type"));
  if (mediaType) return { ok: false, problem: mediaType };
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) return { ok: false, problem: tooLarge(limit) };

  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limit) {
        // Stop reading, but do not cancel: cancelling destroys the socket (Remix's stream pump),
        // and the client would see a reset instead of the 413. The answer closes the connection.
        reader.releaseLock();
        return { ok: false, problem: tooLarge(limit) };
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, problem: notJson("The body is not valid UTF-8.") };
  }
  if (text.trim() === "") return { ok: false, problem: notJson("The body is empty; send a JSON array of outcomes.") };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: notJson(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`) };
  }
}

/** 60 requests a minute is one a second, far beyond an hourly or nightly sync, yet stops a runaway loop. */
export const API_RATE = { requests: 60, windowMs: 60_000 } as const;

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * The outcomes API's limit, per token, as a sliding window kept in the database: every server process counts the same
 * requests, so several workers do not multiply the limit. One small write per request; the API is for hourly or
 * nightly syncs, far below what the single writer takes.
 */
export async function takeApiRequest(tokenId: number, now: number = Date.now(), { requests, windowMs }: { requests: number; windowMs: number } = API_RATE): Promise<RateDecision> {
  const slot = await takeRequestSlot(tokenId, now, windowMs, requests);
  if (slot.ok) return { ok: true, remaining: requests - slot.inWindow };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((slot.oldestMs + windowMs - now) / 1000)) };
}
