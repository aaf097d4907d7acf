// An attempt is pinned to the scenario version it began with: editing the file changes new
// attempts only, in this process and in the next one (which reads the version from the database).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { findAttempt } from "~/models/attempt.server";
import { chooseReply } from "./choose.server";
import { buildDebriefView } from "./debrief-view.server";
import { loadOwnAttempt } from "./load.server";
import { buildPlayView } from "./play-view.server";
import { startAttempt } from "./start.server";
import { createTrainees } from "./test-trainees";

const SCENARIO = "parcel-third-call";
const ORIGINAL_LINE = "This is the **third** time I'm calling. Where is my parcel?";
const ORIGINAL_HTML = "<p>This is the <strong>third</strong> time I&#x27;m calling. Where is my parcel?</p>";
const EDITED_LINE = "Third call this week. Has my parcel been found?";

let file = "";
let firstTrainee = 0;
let secondTrainee = 0;

beforeAll(async () => {
  const dir = makeTempDir("frontline-scenarios-");
  file = path.join(dir, `${SCENARIO}.mdx`);
  cpSync(path.join(import.meta.dirname, `../engine/__fixtures__/shared/${SCENARIO}.mdx`), file);
  vi.stubEnv("SCENARIOS_DIR", dir);
  // Development rescans the folder on every request, so the edit reaches the catalogue at once.
  vi.stubEnv("NODE_ENV", "development");
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  await useFreshDatabase();
  [firstTrainee = 0, secondTrainee = 0] = await createTrainees(2);
});

afterAll(() => {
  vi.unstubAllEnvs();
});

/** The HTML of the customer's opening line as the attempt's debrief shows it. */
async function debriefOpening(load: typeof loadOwnAttempt, build: typeof buildDebriefView, userId: number, attemptId: number) {
  const debrief = await build(await load(userId, attemptId));
  return debrief?.turns[0]?.customer.join("") ?? "";
}

describe("an attempt pinned to its scenario version", () => {
  it("keeps the text it began with after the file is edited, while a new attempt gets the new text", async () => {
    // Another trainee's attempt, so that starting the new one does not put this one aside.
    const pinned = await startAttempt(firstTrainee, SCENARIO);
    await chooseReply({ userId: firstTrainee, attemptId: pinned, turn: 1, choiceId: "opening.1" });

    const source = readFileSync(file, "utf8");
    expect(source).toContain(ORIGINAL_LINE);
    writeFileSync(file, source.replace(ORIGINAL_LINE, EDITED_LINE));

    const fresh = await startAttempt(secondTrainee, SCENARIO);
    expect((await findAttempt(fresh))?.scenarioHash).not.toBe((await findAttempt(pinned))?.scenarioHash);
    const freshView = buildPlayView(await loadOwnAttempt(secondTrainee, fresh));
    expect(freshView?.latest.map((line) => line.html).join("")).toContain(EDITED_LINE);

    const pinnedView = buildPlayView(await loadOwnAttempt(firstTrainee, pinned));
    const opening = pinnedView?.transcript[0];
    expect(opening?.kind === "customer" ? opening.lines.map((line) => line.html).join("") : "").toContain(ORIGINAL_HTML);

    // It plays on to the end on its own version, and the debrief shows what the trainee saw.
    for (const [index, choiceId] of ["listen.1", "details.1", "options.1"].entries()) {
      await chooseReply({ userId: firstTrainee, attemptId: pinned, turn: index + 2, choiceId });
    }
    expect(await debriefOpening(loadOwnAttempt, buildDebriefView, firstTrainee, pinned)).toContain(ORIGINAL_HTML);

    // A restarted server has no version in memory: it reads the pinned one back from the database.
    vi.resetModules();
    const restarted = { load: await import("./load.server"), debrief: await import("./debrief-view.server") };
    expect(restarted.load.loadOwnAttempt).not.toBe(loadOwnAttempt);
    const afterRestart = await debriefOpening(restarted.load.loadOwnAttempt, restarted.debrief.buildDebriefView, firstTrainee, pinned);
    expect(afterRestart).toContain(ORIGINAL_HTML);
    expect(afterRestart).not.toContain(EDITED_LINE);
  });
});
