/**
 * Who may play the catalogue. Trainees play to learn; trainers and admins write the scenarios and
 * play the published ones to see what trainees see. Only a trainee's attempts count: the game
 * (XP, levels, badges, streaks, review cards, certificates), assignments, the team game and every
 * manager's figure read trainees' attempts alone (the models check `role = 'trainee'`), and the
 * conversation-end hook does nothing for anyone else.
 */
import type { Role } from "~/domain/vocabulary";

export const PLAYER_ROLES = ["trainee", "trainer", "admin"] as const satisfies readonly Role[];

/** The players whose attempts count nowhere, as the pages name them ("You are playing as a trainer"). */
export type GuestPlayer = "trainer" | "admin";

/** null for a trainee (their attempts count); otherwise the role a page's note names. */
export function guestPlayer(role: Role): GuestPlayer | null {
  return role === "trainer" || role === "admin" ? role : null;
}
