import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readJsonBody, slidingWindow } from "./api-request.server";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/outcomes", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

/** A body sent in chunks with no Content-Length, as a chunked upload would arrive. */
function chunked(chunks: number, size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, pulled: () => sent };
}

describe("readJsonBody", () => {
  it("parses a JSON body, with or without a UTF-8 charset", async () => {
    expect(await readJsonBody(post('[{"ticket_id":"T1"}]'))).toEqual({ ok: true, value: [{ ticket_id: "T1" }] });
    expect(await readJsonBody(post("[]", { "content-type": "application/json; charset=UTF-8" }))).toEqual({ ok: true, value: [] });
  });

  it("refuses other content types with 415", async () => {
    for (const type of ["text/csv", "application/x-www-form-urlencoded", "application/json; charset=latin1"]) {
      expect(await readJsonBody(post("[]", { "content-type": type })), type).toMatchObject({ ok: false, problem: { status: 415, code: "unsupported_media_type" } });
    }
    expect(await readJsonBody(post("[]", {}))).toMatchObject({ ok: false, problem: { status: 415 } });
  });

  it("refuses a declared length above the limit before reading", async () => {
    const { stream, pulled } = chunked(4, 1024);
    const request = post(stream, { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) });
    expect(await readJsonBody(request)).toMatchObject({ ok: false, problem: { status: 413, code: "body_too_large" } });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("stops a body without a length as soon as it passes the limit", async () => {
    const { stream, pulled } = chunked(100, 1024);
    expect(await readJsonBody(post(stream), 10 * 1024)).toMatchObject({ ok: false, problem: { status: 413 } });
    // The stream may have one chunk queued ahead of the reader, never the whole body.
    expect(pulled()).toBeLessThanOrEqual(12);
  });

  it("takes a body of exactly the limit and refuses one byte more", async () => {
    const body = (bytes: number) => `[${" ".repeat(bytes - 2)}]`;
    expect(await readJsonBody(post(body(1024)), 1024)).toEqual({ ok: true, value: [] });
    expect(await readJsonBody(post(body(1025)), 1024)).toMatchObject({ ok: false, problem: { status: 413 } });
  });

  it("says what is wrong with a body that is not JSON", async () => {
    expect(await readJsonBody(post(""))).toMatchObject({ ok: false, problem: { status: 400, message: "The body is empty; send a JSON array of outcomes." } });
    expect(await readJsonBody(post("[{"))).toMatchObject({ ok: false, problem: { status: 400, code: "invalid_json", message: expect.stringMatching(/^The body is not valid JSON: /) } });
    expect(await readJsonBody(post(new Uint8Array([0x5b, 0xff, 0x5d])))).toMatchObject({ ok: false, problem: { message: "The body is not valid UTF-8." } });
  });
});

describe("slidingWindow", () => {
  it("allows the limit within a window, then says when the oldest request leaves it", () => {
    const take = slidingWindow({ requests: 3, windowMs: 60_000 });
    expect([take(1, 0), take(1, 10_000), take(1, 20_000)].map((decision) => decision.ok)).toEqual([true, true, true]);
    expect(take(1, 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(take(1, 59_999.5)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(take(1, 60_001)).toEqual({ ok: true, remaining: 0 });
  });

  it("counts each key on its own", () => {
    const take = slidingWindow({ requests: 1, windowMs: 1000 });
    expect(take(1, 0).ok).toBe(true);
    expect(take(2, 0).ok).toBe(true);
    expect(take(1, 500).ok).toBe(false);
  });
});
