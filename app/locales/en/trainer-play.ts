/** Strings trainers and admins see when they play the published scenarios (their attempts count nowhere). */
import { registerCopy } from "~/i18n/feature-copy";

export const trainerPlay = {
  title: "Play scenarios",
  intro: "Every published scenario, played exactly as a trainee plays it: the same replies in a fresh order, the same time limit and the same debrief.",
  catalogueNote: {
    trainer: "You are playing as a trainer: your attempts are not counted in any trainee's figures, and no XP, badges or review cards are kept for you.",
    admin: "You are playing as an admin: your attempts are not counted in any trainee's figures, and no XP, badges or review cards are kept for you.",
  },
  attemptNote: {
    trainer: "You are playing as a trainer: this attempt is not counted in any trainee's figures.",
    admin: "You are playing as an admin: this attempt is not counted in any trainee's figures.",
  },
  timingHint:
    "Customers wait only so long for a reply: a late reply costs a point of their mood. The limit you choose here applies to the scenarios you play and to your previews in the workspace.",
} as const;

registerCopy({ trainerPlay });
