/** SCORM packages: the library's download forms, the launch page in Frontline, the debrief's report and the package's own page. */
import { registerCopy } from "~/i18n/feature-copy";

export const scorm = {
  download: {
    title: "SCORM packages",
    intro:
      "For a learning platform without LTI: upload the zip as a SCORM course (SCORM 1.2, or SCORM 2004 4th edition). Learners open the scenario in Frontline, sign in once, and their result goes back to the platform. Each scenario's row has its own package.",
    version: "SCORM version",
    versionFor: "SCORM version for {{title}}",
    versions: { "1.2": "SCORM 1.2", "2004": "SCORM 2004" },
    one: "SCORM package",
    oneLabel: "Download a SCORM package of {{title}}",
    library: "Download SCORM package of the whole library",
    badVersion: 'Choose SCORM version "1.2" or "2004" (the v parameter); "{{value}}" is neither.',
    emptyLibrary: "The library has no published scenario to package.",
    libraryTitle: "Frontline scenarios",
  },
  launch: {
    title: "Open {{title}} from your learning platform",
    intro: "You opened this scenario from your learning platform. When the conversation ends, Frontline sends your result to it.",
    sendsTo: "Your result (the overall score, and whether it reaches {{passMark}}) will be sent to {{origin}}. Nothing else is sent.",
    start: "Start the conversation",
    continue: "Continue where you left off",
    startOver: "Start over",
    inProgress: "You have an unfinished conversation in this scenario.",
    badScenario: "The scenario id must be lowercase letters, digits and hyphens (the scenario parameter).",
    badVersion: 'The SCORM version must be "1.2" or "2004" (the v parameter).',
    badOrigin: "The origin parameter must be the learning platform page's origin, such as https://lms.example.com, with no path.",
    missing: "This link is missing its {{name}} parameter. Open the activity again from your learning platform.",
    noScenario: 'There is no published scenario "{{id}}". It may have been archived: ask your trainer for a new package.',
  },
  report: {
    sent: "Your result has been sent to your learning platform. You can close this window.",
    lost: "This window has lost its link with your learning platform, so your result could not be sent from here. Open the activity again from the platform.",
    close: "Close this window",
  },
  package: {
    starting: "Connecting to your learning platform…",
    noScript: "This activity needs JavaScript to connect your learning platform with Frontline.",
    noApi: "Your learning platform's SCORM connection was not found, so no result can be recorded. Open this activity from the platform's course page.",
    initFailed: "Your learning platform refused to start the activity. Close it and open it again from the course page.",
    badOrigin: "Your learning platform shows this activity in a way that cannot receive results from Frontline (a sandboxed frame or a local file). Ask its administrator to serve SCORM packages from a web address.",
    waiting: "The scenario is open in a Frontline window. Sign in there if asked; your result comes back here when the conversation ends.",
    blocked: "Your browser blocked the Frontline window. Press the button to open it.",
    open: "Open the scenario in Frontline",
    show: "Show the Frontline window",
    openAgain: "Open the scenario again",
    closed: "The Frontline window was closed before the conversation ended. Open it again to finish.",
    reportedPassed: "Done: your score of {{score}} out of 100 has been recorded as passed (the pass mark is {{passMark}}).",
    reportedFailed: "Done: your score of {{score}} out of 100 has been recorded; the pass mark is {{passMark}}. You can try again from the course page.",
    reportedNoScore: "Done: the activity has been recorded as completed.",
  },
} as const;

registerCopy({ scorm });
