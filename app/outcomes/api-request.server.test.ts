import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { insertApiToken } from "~/models/api-token.server";
import { MAX_BODY_BYTES, readJsonBody, takeApiRequest } from "./api-request.server";

let adminId = 0;
beforeAll(async () => {
  await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});
let tokens = 0;
const newToken = (name: string) => insertApiToken({ name, tokenHash: (++tokens).toString(16).padStart(64, "0"), prefix: `fl_${name}`, createdBy: adminId }, new Date());

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

describe("takeApiRequest", () => {
  const rate = { requests: 3, windowMs: 60_000 };

  it("allows the limit within a window, then says when the oldest request leaves it", async () => {
    const token = await newToken("sliding");
    const taken = [await takeApiRequest(token, 0, rate), await takeApiRequest(token, 10_000, rate), await takeApiRequest(token, 20_000, rate)];
    expect(taken.map((decision) => decision.ok)).toEqual([true, true, true]);
    expect(await takeApiRequest(token, 30_000, rate)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(await takeApiRequest(token, 59_999.5, rate)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await takeApiRequest(token, 60_001, rate)).toEqual({ ok: true, remaining: 0 });
  });

  it("counts each token on its own", async () => {
    const [one, two] = [await newToken("one"), await newToken("two")];
    const single = { requests: 1, windowMs: 1000 };
    expect((await takeApiRequest(one, 0, single)).ok).toBe(true);
    expect((await takeApiRequest(two, 0, single)).ok).toBe(true);
    expect((await takeApiRequest(one, 500, single)).ok).toBe(false);
  });

  it("counts requests made at the same moment exactly once each (as from several server processes)", async () => {
    const token = await newToken("parallel");
    const decisions = await Promise.all(Array.from({ length: 10 }, () => takeApiRequest(token, 1_000, rate)));
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(3);
  });
});
