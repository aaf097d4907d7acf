/** Strings of the admin's grading page (the pass mark), kept with that page. */
import { registerCopy } from "~/i18n/feature-copy";

export const grading = {
  title: "Grading",
  linkFromAdmin: "Grading",
  intro: "How Frontline judges a finished conversation when it reports the result to your other learning systems.",
  passMark: "Pass mark",
  passMarkHint:
    "A finished conversation whose overall score (0 to 100) is at or above this counts as passed: it is the success of the xAPI “completed” statement sent to your learning record store, and the passed or failed status a SCORM package reports. A whole number from {{min}} to {{max}}; the default is {{fallback}}.",
  passMarkInvalid: "Enter the pass mark as a whole number from {{min}} to {{max}}.",
  whenItHolds:
    "A change holds for results from now on; results already sent keep the pass mark they were judged by. A SCORM 1.2 package also carries the pass mark as its mastery score, which some platforms judge by themselves: download SCORM 1.2 packages again after a change.",
  inForce: "In force: {{passMark}}",
  isDefault: "the default",
  save: "Save",
  saved: "Pass mark saved: {{passMark}}.",
  unchanged: "Nothing to save: the pass mark is already {{passMark}}.",
  lastChange: "Last changed {{date}} by {{name}}.",
  someone: "a former account",
} as const;

registerCopy({ grading });
