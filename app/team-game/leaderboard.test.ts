import { describe, expect, it } from "vitest";
import { leaderboardFor, type Teammate } from "./leaderboard";

const mates: Teammate[] = [
  { userId: 1, name: "Ana", hidden: false, xp: 40 },
  { userId: 2, name: "Bo", hidden: true, xp: 120 },
  { userId: 3, name: "Cy", hidden: false, xp: 40 },
  { userId: 4, name: "Di", hidden: true, xp: 0 },
];

describe("leaderboardFor", () => {
  it("ranks by XP, equal XP sharing a rank", () => {
    expect(leaderboardFor(mates, 99).map((row) => [row.rank, row.xp])).toEqual([
      [1, 120],
      [2, 40],
      [2, 40],
      [4, 0],
    ]);
  });

  it("shows a hidden teammate without their name, and still counts their XP", () => {
    const rows = leaderboardFor(mates, 1);
    expect(rows[0]).toEqual({ rank: 1, who: { kind: "hidden" }, xp: 120 });
    expect(JSON.stringify(rows)).not.toContain("Bo");
    expect(JSON.stringify(rows)).not.toContain("Di");
    expect(JSON.stringify(rows)).not.toContain("userId");
  });

  it("marks the reader as you, even when they hid their name", () => {
    expect(leaderboardFor(mates, 2)[0]?.who).toEqual({ kind: "you" });
    expect(leaderboardFor(mates, 1).filter((row) => row.who.kind === "you")).toEqual([{ rank: 2, who: { kind: "you" }, xp: 40 }]);
    expect(leaderboardFor(mates, 3).find((row) => row.xp === 40 && row.who.kind === "named")).toEqual({ rank: 2, who: { kind: "named", name: "Ana" }, xp: 40 });
  });
});
