import { describe, expect, it } from "vitest";
import { hardestStep, MIN_REPLIES_FOR_HARDEST } from "./hardest-step";

const step = (stepId: string, picks: number, poorShare: number | null) => ({ stepId, picks, poorShare });

describe("hardestStep", () => {
  it("names the step with the largest share of poor replies", () => {
    expect(hardestStep([step("a", 10, 0.2), step("b", 8, 0.5), step("c", 20, 0.4)])?.stepId).toBe("b");
  });

  it("ignores steps with too few replies to say anything", () => {
    expect(hardestStep([step("lucky", MIN_REPLIES_FOR_HARDEST - 1, 1), step("real", MIN_REPLIES_FOR_HARDEST, 0.4)])?.stepId).toBe("real");
    expect(hardestStep([step("lucky", 1, 1)])).toBeNull();
  });

  it("breaks a tie by the number of replies, and names nothing when no reply was poor", () => {
    expect(hardestStep([step("a", 6, 0.5), step("b", 12, 0.5)])?.stepId).toBe("b");
    expect(hardestStep([step("a", 6, 0), step("b", 12, null)])).toBeNull();
  });
});
