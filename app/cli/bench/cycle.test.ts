import { describe, expect, it } from "vitest";
import { TraineePool } from "./cycle";
import type { Trainee } from "./trainees";

const trainee = (index: number, needsNew = false): Trainee => ({
  ...{ index, email: `t${index}@bench.test`, cookie: "", attemptId: index + 1, turn: 1, choiceIds: ["a"], needsNew },
  ...{ debriefPath: "", random: () => 0 },
});

describe("TraineePool", () => {
  it("hands out trainees with an attempt in progress, the longest waiting first", () => {
    const pool = new TraineePool([trainee(0), trainee(1, true), trainee(2)]);
    expect(pool.readyCount).toBe(2);
    const first = pool.take()!;
    expect(first.index).toBe(0);
    pool.give(first);
    expect(pool.take()!.index).toBe(2);
    expect(pool.take()!.index).toBe(0);
    expect(pool.take()).toBeUndefined();
  });

  it("keeps a trainee whose attempt ended out of the cycles until a refill", () => {
    const pool = new TraineePool([trainee(0)]);
    const taken = pool.take()!;
    taken.needsNew = true;
    pool.give(taken);
    expect(pool.readyCount).toBe(0);
    expect(pool.take()).toBeUndefined();
  });
});
