/**
 * All English copy, for the server and for typed keys: the core every page ships, and each
 * feature's own copy, which reaches the browser only with the routes that use it.
 */
import { analytics } from "./en/analytics";
import { apiTokens } from "./en/api-tokens";
import { assignments } from "./en/assignments";
import { certificates } from "./en/certificates";
import { core } from "./en/core";
import { game } from "./en/game";
import { grading } from "./en/grading";
import { imports } from "./en/imports";
import { lti } from "./en/lti";
import { outcomesPage } from "./en/outcomes-page";
import { review } from "./en/review";
import { scorm } from "./en/scorm";
import { teamGame } from "./en/team-game";
import { trainerPlay } from "./en/trainer-play";
import { workspace } from "./en/workspace";
import { workspaceDiff } from "./en/workspace-diff";
import { workspaceEditor } from "./en/workspace-editor";
import { workspacePreview } from "./en/workspace-preview";
import { xapi } from "./en/xapi";

const common = { ...core, analytics, outcomesPage, imports, apiTokens, game, review, assignments, certificates, teamGame, workspace, workspaceEditor, workspaceDiff, workspacePreview, trainerPlay, scorm, xapi, lti, grading } as const;

export default { common };
