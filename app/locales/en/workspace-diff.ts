/** Strings of the line diff between two versions of a scenario, in the workspace's history. */
import { registerCopy } from "~/i18n/feature-copy";

export const workspaceDiff = {
  label: "Changes from {{from}} to {{to}}",
  version: "version {{number}}",
  draft: "the draft",
  versionHeading: "Version {{number}}",
  draftHeading: "Draft",
  summary: "{{added}} and {{removed}}, in {{hunks}}.",
  addedCount_one: "{{formatted}} line added",
  addedCount_other: "{{formatted}} lines added",
  removedCount_one: "{{formatted}} line removed",
  removedCount_other: "{{formatted}} lines removed",
  hunks_one: "{{count}} place",
  hunks_other: "{{count}} places",
  same: "These two versions have the same text.",
  lineEndings: "One of them uses Windows line endings and the other does not. Frontline reads both the same way, so that is not shown as a change.",
  finalNewline: "One of them ends without a line break after its last line. That changes nothing in the scenario, so it is not shown as a change.",
  caption: "{{from}} against {{to}}",
  fromLines: "Lines {{first}}–{{last}} of {{side}}",
  fromLine: "Line {{line}} of {{side}}",
  fromNone: "Nothing in {{side}}",
  toLines: "lines {{first}}–{{last}} of {{side}}",
  toLine: "line {{line}} of {{side}}",
  toNone: "nothing in {{side}}",
  change: "Change",
  text: "Text",
  sign: { added: "added", removed: "removed" },
  tooLarge: {
    source: "One of these versions is larger than {{limit}} KB, so it cannot be compared here.",
    lines: "One of these versions has more than {{limit}} lines, so it cannot be compared here.",
    changes: "More than {{limit}} lines changed between these versions, too many to show line by line.",
    rows: "The changes between these versions would take more than {{limit}} rows to show, too many for one page.",
    closer: "Compare two versions closer together to see their changes line by line.",
  },
};

registerCopy({ workspaceDiff });
