import { describe, expect, it } from "vitest";
import { pathOf, visibleChoices } from "./attempt";
import { advanceAttempt, createScenarioMachine, startSnapshot } from "./machine";
import type { AttemptSnapshot } from "./machine";
import { enumeratePaths } from "./play";
import { reviewTurns, scoreAttempt } from "./scoring";
import { checkStartPoint, defaultStartPoint, pathsFrom, scenarioFlags, startContext, StartPointError, startPointOf, startPointOptions, startSnapshotAt } from "./start-at";
import type { StartPoint } from "./start-at";
import { previewScenario, stuckScenario } from "./__fixtures__/preview";

const scenario = previewScenario();
const machine = createScenarioMachine(scenario);

/** Play choice ids on the real machine, storing and restoring the snapshot as JSON between turns. */
function play(snapshot: AttemptSnapshot, choices: string[]): AttemptSnapshot {
  return choices.reduce((before, choiceId) => advanceAttempt(machine, scenario, JSON.parse(JSON.stringify(before)) as AttemptSnapshot, { choiceId, late: false }), snapshot);
}

const point = (change: Partial<StartPoint>): StartPoint => ({ ...defaultStartPoint(scenario), ...change });

describe("the default start point", () => {
  it("is the first step, the starting mood, no flags and nowhere visited", () => {
    expect(defaultStartPoint(scenario)).toEqual({ stepId: "greet", mood: 0, flags: [], visits: {} });
  });

  it("gives exactly the snapshot startSnapshot gives", () => {
    expect(startSnapshotAt(machine, scenario, defaultStartPoint(scenario))).toStrictEqual(startSnapshot(machine));
  });
});

describe("the start point form's options", () => {
  it("list every step with the customer's first words, the flags and the bounds", () => {
    expect(startPointOptions(scenario)).toEqual({
      start: "greet",
      mood: 0,
      steps: [
        { id: "greet", words: "Hi, my order is late." },
        { id: "details", words: "It's 1234. It was due on Monday." },
        { id: "check", words: "Well?" },
        { id: "promise", words: "Really? Tomorrow?" },
      ],
      flags: ["promised", "rushed"],
      moodMin: -5,
      moodMax: 5,
      visitsMax: 2,
    });
  });

  it("cut long first lines after eight words", () => {
    const long = { ...scenario, steps: [{ ...scenario.steps[0]!, customer: [{ ...scenario.steps[0]!.customer[0]!, text: "one two three four five six seven eight nine ten" }] }] };
    expect(startPointOptions(long).steps[0]!.words).toBe("one two three four five six seven eight…");
  });
});

describe("starting mid-way", () => {
  it("starts at the step with the mood, flags and visits given, no turns and no points", () => {
    const snapshot = startSnapshotAt(machine, scenario, point({ stepId: "check", mood: -1, flags: ["promised"], visits: { details: 1 } }));
    expect(snapshot.value).toBe("check");
    expect(snapshot.status).toBe("active");
    expect(snapshot.context).toEqual({
      hash: scenario.hash,
      mood: -1,
      flags: ["promised"],
      entries: { details: 1, check: 1 },
      points: { listening: 0, empathy: 0, calm: 0, persuasion: 0, expectations: 0 },
      turns: [],
      start: "check",
    });
    // "promised" shows the reply that needs it and hides the one it excludes.
    expect(visibleChoices(scenario, snapshot.context).map((c) => c.id)).toEqual(["check.1", "check.3", "check.4"]);
  });

  it("plays to an ending on the ordinary machine, then scores and reviews the replies given from there", () => {
    const start = startSnapshotAt(machine, scenario, point({ stepId: "details", mood: -2, flags: ["rushed"], visits: { greet: 1 } }));
    const end = play(start, ["details.3", "details.2", "check.2"]);
    expect(end.status).toBe("done");
    expect(end.value).toBe("resolved");
    expect(pathOf(scenario, end.context)).toEqual(["details", "details", "check", "resolved"]);
    expect(end.context.start).toBe("details");

    const result = scoreAttempt(scenario, end.context);
    expect(result.path).toEqual(["details", "details", "check", "resolved"]);
    expect(result).toMatchObject({ ending: "resolved", outcome: "satisfied", mood: -1, overall: 58 });
    expect(result.skills).toEqual({
      listening: { points: -1, turns: 2, score: 50 },
      empathy: { points: 0, turns: 2, score: 0 },
      calm: { points: 1, turns: 1, score: 100 },
      persuasion: null,
      expectations: { points: 4, turns: 3, score: 83 },
    });

    const review = reviewTurns(scenario, end.context);
    expect(review.map((turn) => [turn.step, turn.chosen, turn.best, turn.rating])).toEqual([
      ["details", "details.3", "details.2", "poor"],
      ["details", "details.2", "details.2", "best"],
      ["check", "check.2", "check.2", "best"],
    ]);
  });

  it("counts visits towards the loop limit: a step visited twice can no longer be returned to", () => {
    const once = startContext(scenario, point({ stepId: "details", visits: { details: 0 } }));
    expect(visibleChoices(scenario, once).map((c) => c.id)).toContain("details.3");
    const again = startContext(scenario, point({ stepId: "details", visits: { details: 1 } }));
    expect(again.entries.details).toBe(2);
    expect(visibleChoices(scenario, again).map((c) => c.id)).toEqual(["details.1", "details.2"]);
    const promise = startContext(scenario, point({ stepId: "promise", visits: { check: 2 } }));
    expect(visibleChoices(scenario, promise).map((c) => c.id)).toEqual(["promise.2"]);
  });

  it("scores an attempt whose only reply assessed nothing as null, without dividing by zero", () => {
    const only = startContext(scenario, point({ stepId: "promise", visits: { check: 2 } }));
    const end = advanceAttempt(machine, scenario, startSnapshotAt(machine, scenario, point({ stepId: "promise", visits: { check: 2 } })), { choiceId: "promise.2", late: false });
    expect(visibleChoices(scenario, only)).toHaveLength(1);
    const result = scoreAttempt(scenario, end.context);
    expect(result.overall).toBeNull();
    expect(Object.values(result.skills)).toEqual([null, null, null, null, null]);
    expect(reviewTurns(scenario, end.context)[0]!.rating).toBeNull();
  });

  it("escalates from a low starting mood as any attempt does", () => {
    const start = startSnapshotAt(machine, scenario, point({ stepId: "check", mood: -3 }));
    const end = play(start, ["check.3"]);
    expect(end.value).toBe("manager");
    expect(scoreAttempt(scenario, end.context).outcome).toBe("escalated");
  });

  it("leaves out flags given twice and sorts them, as the engine keeps them", () => {
    expect(startContext(scenario, point({ flags: ["rushed", "promised", "rushed"] })).flags).toEqual(["promised", "rushed"]);
  });
});

describe("start point problems", () => {
  const problems = (change: Partial<StartPoint>) => checkStartPoint(scenario, point(change)).map((p) => ({ field: p.field, rule: p.rule, step: p.step, message: p.message }));

  it("finds none in a start point the scenario allows", () => {
    expect(checkStartPoint(scenario, point({ stepId: "promise", mood: 5, flags: ["promised", "rushed"], visits: { greet: 2, details: 2, promise: 1 } }))).toEqual([]);
  });

  it("names an unknown step, and an ending chosen as a step", () => {
    expect(problems({ stepId: "nowhere" })).toEqual([{ field: "stepId", rule: "unknown-step", step: undefined, message: 'the scenario has no step "nowhere"' }]);
    expect(problems({ stepId: "resolved" })[0]).toMatchObject({ field: "stepId", rule: "ending" });
    expect(problems({ stepId: "resolved" })[0]!.message).toContain('"resolved" is an ending');
  });

  it("names a mood out of range or not whole", () => {
    expect(problems({ mood: 6 })).toEqual([{ field: "mood", rule: "mood-range", step: undefined, message: "mood must be a whole number from -5 to 5, not 6" }]);
    expect(problems({ mood: -6 })[0]!.field).toBe("mood");
    expect(problems({ mood: 1.5 })[0]!.message).toBe("mood must be a whole number from -5 to 5, not 1.5");
    expect(problems({ mood: Number.NaN })[0]!.field).toBe("mood");
  });

  it("names flags the scenario never uses, and lists the ones it does", () => {
    expect(scenarioFlags(scenario)).toEqual(["promised", "rushed"]);
    expect(problems({ flags: ["promised", "vip"] })).toEqual([
      { field: "flags", rule: "unknown-flag", step: undefined, message: 'the scenario never uses the flag "vip": the flags it uses are "promised", "rushed"' },
    ]);
  });

  it("names bad visit counts and the step they belong to", () => {
    expect(problems({ visits: { details: 3 } })).toEqual([
      { field: "visits", rule: "visits-range", step: "details", message: 'visits to "details" must be a whole number from 0 to 2, not 3' },
    ]);
    expect(problems({ visits: { details: -1 } })[0]).toMatchObject({ field: "visits", step: "details", rule: "visits-range" });
    expect(problems({ visits: { details: 0.5 } })[0]).toMatchObject({ field: "visits", step: "details", rule: "visits-range" });
    expect(problems({ visits: { greet: 2 } })[0]!.message).toBe(
      'visits to "greet" must be a whole number from 0 to 1 (the conversation starts there, and a step is entered at most 2 times), not 2',
    );
    expect(problems({ visits: { somewhere: 1 } })[0]).toMatchObject({ field: "visits", step: "somewhere", message: 'visits: the scenario has no step "somewhere"' });
    expect(problems({ visits: { lost: 1 } })[0]!.message).toBe('visits: "lost" is an ending, and endings are not counted');
  });

  it("reports every field's problem at once", () => {
    expect(problems({ stepId: "x", mood: 9, flags: ["y"], visits: { z: 1 } }).map((p) => p.field)).toEqual(["stepId", "mood", "flags", "visits"]);
  });

  it("refuses to build a context or snapshot from a start point with problems", () => {
    expect(() => startContext(scenario, point({ mood: 7 }))).toThrow(StartPointError);
    expect(() => startSnapshotAt(machine, scenario, point({ stepId: "lost" }))).toThrow(/is an ending/);
  });
});

describe("start points that would get stuck", () => {
  const stuck = stuckScenario();
  const at = (change: Partial<StartPoint>) => checkStartPoint(stuck, { ...defaultStartPoint(stuck), ...change });

  it("is never stuck from the scenario's own start", () => {
    expect(at({})).toEqual([]);
  });

  it("names the flags when every reply of the start step is hidden by them", () => {
    expect(at({ stepId: "b", flags: ["y"] })).toEqual([
      { field: "flags", rule: "dead-end", message: 'from here the conversation can get stuck at "b": every reply there is hidden by the flags set by then' },
    ]);
  });

  it("finds the nearest stuck step further on, with the way there", () => {
    expect(at({ flags: ["y"] })[0]!.message).toBe('from here the conversation can get stuck after "a", at "b": every reply there is hidden by the flags set by then');
  });

  it("names the visits when every reply leads to a step entered twice already", () => {
    expect(at({ stepId: "c", visits: { a: 2, b: 2 } })).toEqual([
      { field: "visits", rule: "dead-end", message: 'from here the conversation can get stuck at "c": every reply there leads to a step already entered 2 times' },
    ]);
    expect(at({ stepId: "c", visits: { a: 2, b: 1 } })).toEqual([]);
  });
});

describe("start points of a moment in an attempt", () => {
  it("gives back the start point a snapshot began with", () => {
    const start = point({ stepId: "details", mood: -2, flags: ["rushed"], visits: { greet: 1 } });
    expect(startPointOf(scenario, startContext(scenario, start))).toEqual(start);
  });

  it("continues exactly as the attempt it was taken from", () => {
    const whole = play(startSnapshot(machine), ["greet.1", "details.3", "details.1", "promise.1", "check.1"]);
    const midway = play(startSnapshot(machine), ["greet.1", "details.3"]);
    const from = startPointOf(scenario, midway.context);
    expect(from).toEqual({ stepId: "details", mood: 0, flags: [], visits: { greet: 1, details: 1 } });
    const rest = play(startSnapshotAt(machine, scenario, from), ["details.1", "promise.1", "check.1"]);
    expect(rest.value).toBe(whole.value);
    expect(rest.context.turns).toEqual(whole.context.turns.slice(2));
    expect(rest.context.entries).toEqual(whole.context.entries);
    expect(rest.context.mood).toBe(whole.context.mood);
  });
});

describe("paths from a start point", () => {
  it("lists every complete path from there, each beginning at the start step", () => {
    const paths = pathsFrom(scenario, point({ stepId: "promise", flags: ["promised", "rushed"] }));
    expect(paths.map((p) => [p.choices, p.result.path.join(" "), p.result.mood, p.result.overall])).toEqual([
      ["1,1", "promise check resolved", -2, 83],
      ["1,2", "promise check lost", -4, 67],
      ["2", "promise lost", -2, 0],
    ]);
  });

  it("from the default start point gives what enumeratePaths gives", () => {
    expect(pathsFrom(scenario, defaultStartPoint(scenario))).toEqual(enumeratePaths(scenario));
  });
});
