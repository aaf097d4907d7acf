import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { CoalescingStream } from "./coalescing-stream.server";

function collect(stream: CoalescingStream): Buffer[] {
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return chunks;
}

describe("CoalescingStream", () => {
  it("joins the chunks written in one turn into one, in order", async () => {
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    for (const part of ["<html>", "<body>", "héllo", "</body>"]) stream.write(part);
    await nextTurn();
    await nextTurn();
    expect(chunks.map(String)).toEqual(["<html><body>héllo</body>"]);
  });

  it("still streams: a later burst leaves as a chunk of its own", async () => {
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    stream.write("shell ");
    stream.write("more ");
    await nextTurn();
    await nextTurn();
    stream.write("late ");
    stream.write("part");
    await nextTurn();
    await nextTurn();
    expect(chunks.map(String)).toEqual(["shell more ", "late part"]);
  });

  it("hands over what is pending when the writer ends, before 'end'", async () => {
    const stream = new CoalescingStream();
    const chunks = collect(stream);
    const ended = new Promise((resolve) => stream.on("end", resolve));
    stream.write("a");
    stream.end("b");
    await ended;
    expect(Buffer.concat(chunks).toString()).toBe("ab");
  });
});
