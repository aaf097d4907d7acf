import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { SKILLS, visibleChoices } from "~/engine";
import { chooseReply } from "./choose.server";
import { buildDebriefView, weakestSkills } from "./debrief-view.server";
import { loadOwnAttempt } from "./load.server";
import { startAttempt } from "./start.server";
import { createTrainees, useExampleLibrary } from "./test-trainees";

/** Skill rows in the fixed skill order, as buildDebriefView makes them. */
function rows(scores: [number | null, number | null, number | null, number | null, number | null]) {
  return SKILLS.map((skill, index) => ({ skill, score: scores[index] ?? null, points: 0, turns: scores[index] === null ? 0 : 1 }));
}

describe("weakestSkills", () => {
  it("takes the two lowest assessed scores", () => {
    expect(weakestSkills(rows([89, 67, null, 50, 69]))).toEqual(["persuasion", "empathy"]);
  });

  it("still names two after a perfect run, the first two in skill order", () => {
    expect(weakestSkills(rows([100, 100, 100, 100, 100]))).toEqual(["listening", "empathy"]);
  });

  it("breaks ties by the skill order, whatever order the rows come in", () => {
    expect(weakestSkills(rows([90, 67, null, 67, 67]).reverse())).toEqual(["empathy", "persuasion"]);
  });

  it("names only assessed skills: one when one was assessed, none when none was", () => {
    expect(weakestSkills(rows([null, null, 100, null, null]))).toEqual(["calm"]);
    expect(weakestSkills(rows([null, null, null, null, null]))).toEqual([]);
  });
});

describe("buildDebriefView", () => {
  let trainee = 0;

  beforeAll(async () => {
    process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
    await useFreshDatabase();
    [trainee = 0] = await createTrainees(1);
  });

  it("congratulates a perfect run instead of telling it to keep sharpening", async () => {
    const id = await startAttempt(trainee, "parcel-third-call");
    // The first reply is the best one at every turn of this scenario.
    for (const [index, choiceId] of ["opening.1", "listen.1", "details.1", "options.1"].entries()) {
      await chooseReply({ userId: trainee, attemptId: id, turn: index + 1, choiceId });
    }
    const debrief = await buildDebriefView(await loadOwnAttempt(trainee, id));
    expect(debrief?.skills.map((row) => row.score)).toEqual([100, 100, 100, 100, 100]);
    expect(debrief?.perfect).toBe(true);
    expect(debrief?.weakest).toEqual([]);
  });

  it("is not perfect when any rated reply was not the best", async () => {
    const id = await startAttempt(trainee, "parcel-third-call");
    // A weaker first reply, then the first reply on offer until the conversation ends.
    for (let turn = 1; turn <= 12; turn++) {
      const { attempt, version, snapshot } = await loadOwnAttempt(trainee, id);
      if (attempt.status !== "in-progress") break;
      const choices = visibleChoices(version.scenario, snapshot.context);
      await chooseReply({ userId: trainee, attemptId: id, turn, choiceId: choices[turn === 1 ? 1 : 0]!.id });
    }
    const debrief = await buildDebriefView(await loadOwnAttempt(trainee, id));
    expect(debrief?.perfect).toBe(false);
    expect(debrief?.weakest.length).toBeGreaterThan(0);
  });
});
