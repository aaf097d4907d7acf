/** Strings of the scenario editor in the trainer's workspace: its hint and what its completion list says. */
import { registerCopy } from "~/i18n/feature-copy";

export const workspaceEditor = {
  hint: "Type < for the components, or press Ctrl+Space for suggestions. Press Esc then Tab to leave the editor.",
  fallbackLabel: "Scenario source",
  components: {
    Brief: "what the trainee knows before the conversation",
    Step: "one moment of the conversation",
    Customer: "what the customer says",
    Coach: "a note shown only in the debrief",
    Choice: "a reply the trainee can pick",
    Ending: "one way the conversation ends",
  },
  attributes: {
    stepId: "The step's name, for to=\"…\" and start: lowercase letters, digits and hyphens.",
    stepPatience: "Seconds the customer waits at this step, from 1 to 3600.",
    choiceTo: "The step or ending this reply leads to.",
    choiceMood: "How the reply changes the customer's mood, from -3 to 3.",
    choiceFeedback: "One sentence shown beside this reply in the debrief.",
    choiceSet: "Flags this reply sets, separated by spaces.",
    choiceRequires: "Offer this reply only when every one of these flags is set.",
    choiceUnless: "Offer this reply only when none of these flags is set.",
    choiceId: "A stable name for the reply, for reports. Rarely needed.",
    endingId: "The ending's name, for to=\"…\" and escalation:.",
    endingOutcome: "How the customer leaves: delighted, satisfied, neutral, escalated or lost.",
    endingResolved: "Written bare when the problem was solved in this contact.",
    skill: "How this reply shows the skill, from -3 (harmful) to 3 (excellent).",
  },
  required: "required",
  closes: "closes the tag",
  step: "step",
  ending: "ending",
  flag: "flag",
  flagUnset: "flag no reply sets",
  outcome: "outcome",
  header: "header",
  snippets: {
    label: {
      Step: "Step with a reply",
      Choice: "Choice with feedback",
      Ending: "Ending with an outcome",
      Coach: "Coach note",
    },
    detail: {
      Step: "new step",
      Choice: "new reply",
      Ending: "new ending",
      Coach: "new note",
    },
    stepId: "next-step",
    endingId: "sorted",
    target: "next-step",
    customer: "What the customer says.",
    reply: "A reply the trainee can pick.",
    feedback: "Why this reply helps or hurts.",
    ending: "How the conversation ends.",
    coach: "What to notice at this moment.",
  },
} as const;

registerCopy({ workspaceEditor });
