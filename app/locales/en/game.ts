/**
 * English words for the game layer. The rules' numbers are not written here:
 * they arrive through {{placeholders}} (rulesText, badgeValues), so the copy cannot drift from them.
 */
import { registerCopy } from "~/i18n/feature-copy";

export const game = {
  levels: {
    newcomer: { name: "Newcomer", summary: "Finding your feet with your first conversations." },
    listener: { name: "Listener", summary: "You hear what the customer is really asking." },
    "problem-solver": { name: "Problem solver", summary: "You turn a complaint into a plan." },
    "steady-hand": { name: "Steady hand", summary: "Difficult conversations no longer knock you off course." },
    "trusted-adviser": { name: "Trusted adviser", summary: "Customers leave with honest answers and good choices." },
    mentor: { name: "Mentor", summary: "Your judgement is consistent enough to guide others." },
  },
  badges: {
    "calm-under-fire": { name: "Calm under fire", description: "Calm of {{atLeast}} or more with an angry customer, in {{needed}} different scenarios." },
    "straight-talker": { name: "Straight talker", description: "Honest expectations at {{atLeast}}, in {{needed}} different scenarios." },
    "good-listener": { name: "Good listener", description: "Listening of {{atLeast}} or more, in {{needed}} different scenarios." },
    "in-their-shoes": { name: "In their shoes", description: "Empathy of {{atLeast}} or more, in {{needed}} different scenarios." },
    "good-case": { name: "A good case", description: "Persuasion of {{atLeast}} or more, in {{needed}} different scenarios." },
    "clear-explainer": { name: "Clear explainer", description: "An overall score of {{overall}} or more with a confused customer, in {{needed}} different scenarios." },
    "delight-everywhere": { name: "Delight everywhere", description: "A delighted customer on every channel: all {{needed}} of them." },
    "hard-cases": { name: "Hard cases", description: "An overall score of {{overall}} or more at difficulty {{difficulty}} with each of the {{needed}} kinds of customer." },
    turnaround: { name: "Turnaround", description: "A customer whose mood had sunk to {{mood}} left satisfied or delighted." },
    "clean-run": { name: "Clean run", description: "Every rated reply was the best one, in a conversation with at least {{replies}} of them." },
    "first-mastered": { name: "First skill mastered", description: "One of the five skills reached mastered." },
    "all-mastered": { name: "All-round", description: "All five skills mastered at the same time." },
  },
  xpLines: {
    "best-replies": "{{count}} best replies",
    "fair-replies": "{{count}} fair replies",
    rushed: "Replies faster than they could be read earn nothing",
    replay: "Replay {{replay}} of a scenario you handle well: {{percent}}% of the reply points",
    "mastery-high": "{{skill}} reached a new high: {{from}} to {{to}}",
    "daily-cap": "Daily limit of {{cap}} XP reached",
  },
  rules: {
    "best-reply": "Each best reply earns {{points}} XP.",
    "fair-reply": "Each fair reply earns {{points}} XP.",
    "poor-reply": "A poor reply earns {{points}} XP.",
    rushed: "A conversation answered faster than it could be read earns nothing for its replies.",
    "mastery-high": "When a skill's mastery reaches a new high, you earn {{points}} XP for each point above your previous best.",
    "no-dip-and-recovery": "Climbing back after a dip earns nothing until you pass your previous best.",
    replays:
      "Once your best overall score in a scenario is {{score}} or more, replays earn less for their replies: {{replay1}}%, then {{replay2}}%, then {{replay3}}%, then {{later}}%.",
    "daily-cap": "You can earn up to {{cap}} XP a day (UTC).",
    "never-for-effort": "Time spent, reply length and clicks never earn XP.",
  },
} as const;

registerCopy({ game });
