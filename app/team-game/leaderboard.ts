/**
 * The team's XP leaderboard for one week, as the trainee reading it may see it: a teammate who
 * chose to hide their name is "a teammate" (their XP still counts and still ranks), the reader
 * is "you", and nobody's id or hidden name leaves the server.
 */

export type Teammate = { userId: number; name: string; hidden: boolean; xp: number };

export type LeaderboardRow = { rank: number; who: { kind: "you" } | { kind: "hidden" } | { kind: "named"; name: string }; xp: number };

/** Highest XP first; equal XP share a rank ("1, 2, 2, 4"), in the order given. */
export function leaderboardFor(teammates: readonly Teammate[], readerId: number): LeaderboardRow[] {
  const sorted = [...teammates].sort((a, b) => b.xp - a.xp);
  return sorted.map((mate, index) => {
    const first = sorted.findIndex((other) => other.xp === mate.xp);
    const who: LeaderboardRow["who"] = mate.userId === readerId ? { kind: "you" } : mate.hidden ? { kind: "hidden" } : { kind: "named", name: mate.name };
    return { rank: (first === -1 ? index : first) + 1, who, xp: mate.xp };
  });
}
