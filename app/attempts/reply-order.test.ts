import { describe, expect, it } from "vitest";
import { hash32 } from "~/engine/random";
import { inReplyOrder, orderReplies } from "./reply-order";

const AUTHORED = ["opening.1", "opening.2", "opening.3", "opening.4"];
const key = (order: readonly string[]) => order.join(",");

describe("orderReplies", () => {
  it("is a permutation of the authored replies", () => {
    for (let seed = 0; seed < 200; seed++) {
      const order = orderReplies(seed * 7919, "opening", AUTHORED);
      expect([...order].sort()).toEqual(AUTHORED);
    }
  });

  it("gives the same order for the same seed and step, every time (a reload, a restart, a second visit)", () => {
    expect(orderReplies(123456789, "opening", AUTHORED)).toEqual(orderReplies(123456789, "opening", [...AUTHORED]));
    // A fixed seed pins the result across releases: a change here would reshuffle attempts in progress
    // and make finished debriefs show an order their trainee never saw.
    expect(orderReplies(42, "opening", AUTHORED)).toMatchInlineSnapshot(`
      [
        "opening.2",
        "opening.3",
        "opening.1",
        "opening.4",
      ]
    `);
  });

  it("gives different attempts different orders: every permutation, in roughly equal shares", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2400; seed++) {
      const order = key(orderReplies(seed, "opening", AUTHORED));
      counts.set(order, (counts.get(order) ?? 0) + 1);
    }
    // 24 permutations of four replies, about 100 seeds each.
    expect(counts.size).toBe(24);
    for (const count of counts.values()) expect(count).toBeGreaterThan(60);
    for (const count of counts.values()) expect(count).toBeLessThan(140);
    // Neighbouring seeds differ too: the first reply is not the authored first most of the time.
    const firsts = Array.from({ length: 100 }, (_, seed) => orderReplies(seed, "opening", AUTHORED)[0]);
    expect(new Set(firsts).size).toBe(4);
    expect(firsts.filter((first) => first === "opening.1").length).toBeLessThan(40);
  });

  it("orders each step independently of the others", () => {
    const listen = ["listen.1", "listen.2", "listen.3", "listen.4"];
    let same = 0;
    for (let seed = 0; seed < 1000; seed++) {
      const a = orderReplies(seed, "opening", AUTHORED).map((id) => id.split(".")[1] ?? "");
      const b = orderReplies(seed, "listen", listen).map((id) => id.split(".")[1] ?? "");
      if (key(a) === key(b)) same++;
    }
    // Independent orders agree 1 time in 24 (about 42 of 1000).
    expect(same).toBeLessThan(80);
  });

  it("keeps the visible replies in their places relative to each other when flags hide some", () => {
    for (let seed = 0; seed < 100; seed++) {
      const all = orderReplies(seed, "details", AUTHORED);
      const visible = ["opening.1", "opening.3", "opening.4"];
      expect(orderReplies(seed, "details", AUTHORED, visible)).toEqual(all.filter((id) => visible.includes(id)));
      // The order does not depend on the order in which the visible set is given.
      expect(orderReplies(seed, "details", AUTHORED, [...visible].reverse())).toEqual(all.filter((id) => visible.includes(id)));
    }
  });

  it("leaves an attempt begun before shuffling (no seed) in the authored order", () => {
    expect(orderReplies(null, "opening", AUTHORED)).toEqual(AUTHORED);
    expect(orderReplies(null, "opening", AUTHORED, ["opening.4", "opening.2"])).toEqual(["opening.2", "opening.4"]);
  });

  it("handles a single reply and an empty step", () => {
    expect(orderReplies(7, "end", ["end.1"])).toEqual(["end.1"]);
    expect(orderReplies(7, "end", [])).toEqual([]);
  });
});

describe("inReplyOrder", () => {
  it("puts items in the attempt's order, dropping none", () => {
    const items = AUTHORED.map((id) => ({ id, html: `<p>${id}</p>` }));
    const ordered = inReplyOrder(99, "opening", AUTHORED, items);
    expect(ordered.map((item) => item.id)).toEqual(orderReplies(99, "opening", AUTHORED));
    expect(ordered[0]?.html).toBe(`<p>${ordered[0]?.id}</p>`);
  });
});

describe("hash32", () => {
  it("is a 32-bit unsigned integer that changes with every character", () => {
    expect(hash32("1:opening")).not.toBe(hash32("2:opening"));
    expect(hash32("1:opening")).not.toBe(hash32("1:openinh"));
    expect(hash32("")).toBe(0x811c9dc5);
    expect(Number.isInteger(hash32("x")) && hash32("x") >= 0 && hash32("x") < 2 ** 32).toBe(true);
  });
});
