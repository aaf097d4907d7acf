import { describe, expect, it } from "vitest";
import { translatorFor } from "~/i18n/translate";
import "~/locales/en/lti";
import { agsScore } from "./score";
import { scoresUrl } from "./score-delivery.server";

const t = translatorFor("en");
const at = new Date("2026-12-04T10:00:00.123Z");
const scores = (listening: number | null, calm: number | null) => ({ listening, empathy: null, calm, persuasion: null, expectations: null });

describe("agsScore", () => {
  it("has nothing to send before anything is played", () => {
    expect(agsScore({ subject: "s", parts: [null, null], pathway: true, at }, t)).toBeNull();
  });

  it("gives a pathway the mean over all its scenarios and the skills' means over those played, skipping skills without a score", () => {
    const score = agsScore({ subject: "s", parts: [{ overall: 81, scores: scores(80, null) }, { overall: 90, scores: scores(61, 70) }, null], pathway: true, at }, t)!;
    expect(score).toEqual({
      userId: "s",
      scoreGiven: 57,
      scoreMaximum: 100,
      timestamp: "2026-12-04T10:00:00.123Z",
      activityProgress: "InProgress",
      gradingProgress: "FullyGraded",
      comment: expect.stringContaining("Skills: Listening 71, Calm 70.") as unknown,
    });
    expect(score.comment).toContain("2 played so far");
  });

  it("keeps two decimals of a mean that does not divide evenly", () => {
    const parts = [{ overall: 100, scores: scores(null, null) }, { overall: 0, scores: scores(null, null) }, { overall: 0, scores: scores(null, null) }];
    expect(agsScore({ subject: "s", parts, pathway: true, at }, t)).toMatchObject({ scoreGiven: 33.33, activityProgress: "Completed" });
  });
});

describe("scoresUrl", () => {
  it("adds /scores to the line item's path and keeps its query", () => {
    expect(scoresUrl("https://lms.example/api/lti/courses/7/line_items/3?type_id=x")).toBe("https://lms.example/api/lti/courses/7/line_items/3/scores?type_id=x");
    expect(scoresUrl("https://lms.example/lineitems/3/")).toBe("https://lms.example/lineitems/3/scores");
  });
});
