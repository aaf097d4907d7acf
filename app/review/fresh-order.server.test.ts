import { describe, expect, it } from "vitest";
import { shuffleByKey } from "~/engine/random";
import { freshOrder } from "./fresh-order.server";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s.${i + 1}`);

describe("freshOrder", () => {
  it("differs from the authored order and from the order seen, for any key and any seen order", () => {
    for (const n of [3, 4, 5]) {
      const authored = ids(n);
      for (let k = 0; k < 200; k++) {
        const seen = shuffleByKey(authored, `seen:${k}`);
        const order = freshOrder(authored, seen, `card:${k}`);
        expect([...order].sort()).toEqual(authored);
        expect(order).not.toEqual(authored);
        expect(order).not.toEqual(seen);
      }
    }
  });

  it("is the same for the same key and changes with the key", () => {
    const authored = ids(4);
    expect(freshOrder(authored, authored, "k")).toEqual(freshOrder(authored, authored, "k"));
    const orders = new Set(Array.from({ length: 20 }, (_, k) => freshOrder(authored, authored, `k${k}`).join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it("with two replies reverses them when they were seen as authored, and otherwise avoids the order seen", () => {
    expect(freshOrder(["a", "b"], ["a", "b"], "k")).toEqual(["b", "a"]);
    expect(freshOrder(["a", "b"], ["b", "a"], "k")).toEqual(["a", "b"]);
    expect(freshOrder(["a"], ["a"], "k")).toEqual(["a"]);
  });
});
