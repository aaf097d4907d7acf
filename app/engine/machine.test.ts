import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { advanceAttempt, ChoiceNotAvailableError, createScenarioMachine, SnapshotVersionError, startSnapshot } from "./machine";
import { endingReached, visibleChoices } from "./attempt";
import { scoreAttempt } from "./scoring";
import { valid } from "./__fixtures__/helpers";

const BODY = `
<Step id="ask">
  <Customer>Where is it?</Customer>
  <Choice to="ask" mood={-1} listening={-1}>Sorry, again?</Choice>
  <Choice to="calm" mood={2} listening={1}>Let me look.</Choice>
  <Choice to="done" mood={-3}>Not my job.</Choice>
  <Choice to="calm" requires="never" listening={2}>Hidden.</Choice>
</Step>

<Step id="calm" patience={10}>
  <Customer>Well?</Customer>
  <Choice to="done" mood={1} set="kind" empathy={1}>Here it is.</Choice>
  <Choice to="done" mood={5}>Free gift!</Choice>
</Step>

<Ending id="done" outcome="neutral">
Done.
</Ending>

<Ending id="manager" outcome="escalated">
Manager!
</Ending>
`;

const scenario = valid(BODY.replace("mood={5}", "mood={3}"), { mood: -2, escalation: "manager", channel: "chat" });
const machine = createScenarioMachine(scenario);

describe("the scenario machine", () => {
  it("has a state per step and a final state per ending, with named guards and actions", () => {
    expect(Object.keys(machine.states)).toEqual(["ask", "calm", "done", "manager"]);
    expect(machine.states.done!.type).toBe("final");
    expect(Object.keys(machine.implementations.guards).sort()).toEqual(["canChoose", "escalates"]);
    expect(Object.keys(machine.implementations.actions)).toEqual(["applyChoice"]);
  });

  it("starts at `start` with the front-matter mood, no flags and the start entered once", () => {
    const snapshot = startSnapshot(machine);
    expect(snapshot.value).toBe("ask");
    expect(snapshot.context).toMatchObject({ hash: scenario.hash, mood: -2, flags: [], entries: { ask: 1 }, turns: [] });
    expect(visibleChoices(scenario, snapshot.context).map((c) => c.id)).toEqual(["ask.1", "ask.2", "ask.3"]);
  });

  it("shows a choice back to the start only once", () => {
    const again = advanceAttempt(machine, scenario, startSnapshot(machine), { choiceId: "ask.1", late: false });
    expect(again.context.entries.ask).toBe(2);
    expect(visibleChoices(scenario, again.context).map((c) => c.id)).toEqual(["ask.2", "ask.3"]);
  });

  it("applies lateness before the choice's mood, clamps to -5..5, and escalates from -5 even when `to` is an ending", () => {
    let snapshot = advanceAttempt(machine, scenario, startSnapshot(machine), { choiceId: "ask.2", late: true }); // chat: 90 s
    expect(snapshot.context.mood).toBe(-1); // -2 -1 +2
    snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId: "calm.2", late: true }); // step patience 10 s
    expect(snapshot.context.mood).toBe(1); // -1 -1 +3
    expect(snapshot.value).toBe("done");
    expect(snapshot.status).toBe("done");

    const escalated = advanceAttempt(machine, scenario, startSnapshot(machine), { choiceId: "ask.3", late: false });
    expect(escalated.value).toBe("manager"); // -2 - 3 = -5
    expect(escalated.context.turns[0]).toMatchObject({ entered: "manager", escalated: true, mood: -5 });
    expect(endingReached(scenario, escalated.context)?.outcome).toBe("escalated");
  });

  it("ignores `late` at a step without patience", () => {
    const byEmail = valid(BODY.replace("mood={5}", "mood={3}"), { channel: "email", mood: -2, escalation: "manager" });
    const m = createScenarioMachine(byEmail);
    const snapshot = advanceAttempt(m, byEmail, startSnapshot(m), { choiceId: "ask.2", late: true });
    expect(snapshot.context.mood).toBe(0);
    expect(snapshot.context.turns[0]!.late).toBe(false);
  });

  it("clamps the mood at 5 and at -5", () => {
    const happy = valid(BODY.replace("mood={5}", "mood={3}").replace(/<Ending id="manager"[\s\S]*?<\/Ending>/, ""), { mood: 4, channel: "email" });
    const m = createScenarioMachine(happy);
    expect(advanceAttempt(m, happy, startSnapshot(m), { choiceId: "ask.2", late: false }).context.mood).toBe(5);
    const angry = valid(BODY.replace("mood={5}", "mood={3}"), { mood: -4, escalation: "manager", channel: "phone" });
    const n = createScenarioMachine(angry);
    const escalated = advanceAttempt(n, angry, startSnapshot(n), { choiceId: "ask.3", late: true });
    expect(escalated.context.turns[0]).toMatchObject({ moodBefore: -4, mood: -5, late: true, entered: "manager" });
  });

  it("refuses hidden or foreign choices without changing the snapshot", () => {
    const start = startSnapshot(machine);
    expect(() => advanceAttempt(machine, scenario, start, { choiceId: "ask.4", late: false })).toThrow(ChoiceNotAvailableError);
    expect(() => advanceAttempt(machine, scenario, start, { choiceId: "calm.1", late: false })).toThrow(ChoiceNotAvailableError);
    const actor = createActor(machine, { snapshot: start }).start();
    actor.send({ type: "choose", choiceId: "calm.1", late: false });
    expect(actor.getPersistedSnapshot()).toEqual(start);
  });

  it("records the content hash and refuses a snapshot of another version", () => {
    const other = { ...scenario, hash: "f".repeat(64) };
    expect(() => advanceAttempt(createScenarioMachine(other), other, startSnapshot(machine), { choiceId: "ask.2", late: false })).toThrow(
      SnapshotVersionError,
    );
  });

  it("restores a JSON round-tripped snapshot and ends exactly as if it never stopped", () => {
    const straight = [
      ["ask.1", false],
      ["ask.2", true],
      ["calm.1", false],
    ] as const;
    let a = startSnapshot(machine);
    for (const [choiceId, late] of straight) a = advanceAttempt(machine, scenario, a, { choiceId, late });

    let b = startSnapshot(machine);
    for (const [choiceId, late] of straight) {
      const stored = JSON.parse(JSON.stringify(b));
      const fresh = createScenarioMachine(scenario); // e.g. after a server restart
      b = advanceAttempt(fresh, scenario, stored, { choiceId, late });
    }
    expect(b).toEqual(a);
    expect(scoreAttempt(scenario, b.context)).toEqual(scoreAttempt(scenario, a.context));
    expect(a.context.flags).toEqual(["kind"]);
  });
});
