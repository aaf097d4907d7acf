import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bodyText, type HttpReply } from "./client";

const reply = (body: Buffer, encoding?: string): HttpReply => ({ status: 200, headers: encoding ? { "content-encoding": encoding } : {}, body });

describe("bodyText", () => {
  const page = '<input type="hidden" name="turn" value="2"/> — “quoted” ✓';

  it("reads a body in each encoding the server may choose", () => {
    expect(bodyText(reply(brotliCompressSync(page), "br"))).toBe(page);
    expect(bodyText(reply(gzipSync(page), "gzip"))).toBe(page);
    expect(bodyText(reply(deflateSync(page), "deflate"))).toBe(page);
    expect(bodyText(reply(Buffer.from(page)))).toBe(page);
  });

  it("throws on a body that is not what its header says, rather than reading garbage", () => {
    expect(() => bodyText(reply(Buffer.from(page), "gzip"))).toThrow();
  });
});
