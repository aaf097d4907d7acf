/**
 * The order a review shows a card's replies in. A review asks whether the trainee still knows the
 * better reply, not where it stood on the screen, so the order must differ both from the order the
 * file lists them (authors tend to write the best reply first) and from the order the trainee saw
 * when they missed it. Seeded, so a reload shows the same order; the key changes after every
 * review, so each return of the card is shuffled again.
 *
 * Pure (a .server.ts only because it lives beside the server-side use cases of app/review/).
 */
import { shuffleByKey } from "~/engine/random";

const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

const rotated = (ids: readonly string[], by: number) => [...ids.slice(by), ...ids.slice(0, by)];

/**
 * `authored`: the card's replies in the file's order; `seen`: the same replies in the order the
 * conversation showed them. With two replies shown the other way round from the file, every order
 * repeats one of them; the order the trainee saw is the one avoided then.
 */
export function freshOrder(authored: readonly string[], seen: readonly string[], key: string): string[] {
  if (authored.length < 2) return [...authored];
  const fresh = (order: readonly string[]) => !sameOrder(order, authored) && !sameOrder(order, seen);
  // A shuffle of three or more replies avoids two given orders at least two times in three.
  for (let i = 0; i < 8; i++) {
    const order = shuffleByKey(authored, `${key}:${i}`);
    if (fresh(order)) return order;
  }
  // Deterministic from here: the rotations of three or more replies include one that avoids both.
  const rotations = authored.slice(1).map((_, i) => rotated(authored, i + 1));
  return rotations.find(fresh) ?? rotations.find((order) => !sameOrder(order, seen)) ?? [...authored];
}
