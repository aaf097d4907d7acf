// The package's launch script, run as a browser would run it (a classic script in a window's global scope), in a
// node:vm context whose window, frames, document and SCORM API are small fakes that record what happens.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const source = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "launch.js"), "utf8");

type Result = { score: number | null; passed: boolean; completed: boolean };
type Session = { start(): boolean; report(result: Result): boolean; finish(): boolean; state(): string };
type Launcher = {
  findApi(win: object, version: string): unknown;
  createSession(version: string, api: object, now: () => number): Session;
  readAttemptEnded(event: object, expected: { origin: string; scenarioId: string; source?: unknown }): Result | null;
  launchUrl(config: object, origin: string): string;
  duration(version: string, ms: number): string;
  format(text: string, values: Record<string, unknown>): string;
};

/** Runs the script with `globals` as its window; returns that window. */
function run(globals: Record<string, unknown>): Record<string, unknown> {
  const context = vm.createContext(globals);
  globals.window = context;
  vm.runInContext(source, context);
  return context;
}

const launcher = run({}).FrontlineScorm as Launcher;

/** A SCORM API of either edition that stores values and records every call. */
function fakeApi(version: "1.2" | "2004", initial: Record<string, string> = {}) {
  const values: Record<string, string> = { ...initial };
  const calls: string[] = [];
  const names = version === "1.2" ? ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"] : ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"];
  const [init, get, set, commit, finish] = names as [string, string, string, string, string];
  const api: Record<string, (...args: string[]) => string> = {
    [init]: () => (calls.push(init), "true"),
    [get]: (element = "") => (calls.push(`${get} ${element}`), values[element] ?? ""),
    [set]: (element = "", value = "") => (calls.push(`${set} ${element}=${value}`), (values[element] = value), "true"),
    [commit]: () => (calls.push(commit), "true"),
    [finish]: () => (calls.push(finish), "true"),
  };
  return { api, values, calls };
}

describe("findApi", () => {
  it("walks up the parents to the frame that holds the API, for each edition's name", () => {
    const api12 = {};
    const api2004 = {};
    const top: Record<string, unknown> = { API: api12, API_1484_11: api2004 };
    top.parent = top;
    const middle = { parent: top };
    const sco = { parent: middle };
    expect(launcher.findApi(sco, "1.2")).toBe(api12);
    expect(launcher.findApi(sco, "2004")).toBe(api2004);
  });

  it("looks in the opener's frames when its own have none, and passes over frames on another origin", () => {
    const api = {};
    const lms: Record<string, unknown> = { API_1484_11: api };
    lms.parent = lms;
    const crossOrigin = {
      get API_1484_11(): unknown {
        throw new Error("SecurityError");
      },
      get parent(): unknown {
        throw new Error("SecurityError");
      },
    };
    const popup: Record<string, unknown> = { parent: crossOrigin, opener: lms };
    popup.top = popup;
    expect(launcher.findApi(popup, "2004")).toBe(api);
    expect(launcher.findApi(popup, "1.2")).toBeNull();
  });

  it("finds nothing (and does not loop) where no frame has an API", () => {
    const alone: Record<string, unknown> = {};
    alone.parent = alone;
    alone.top = alone;
    expect(launcher.findApi(alone, "1.2")).toBeNull();
  });
});

describe("a SCORM 1.2 session", () => {
  it("starts by marking the lesson incomplete, then reports passed with the raw score out of 100, and finishes", () => {
    const { api, values, calls } = fakeApi("1.2", { "cmi.core.lesson_status": "not attempted" });
    let now = 1_000;
    const session = launcher.createSession("1.2", api, () => now);
    expect(session.start()).toBe(true);
    expect(values["cmi.core.lesson_status"]).toBe("incomplete");
    now += 65_000;
    expect(session.report({ score: 85, passed: true, completed: true })).toBe(true);
    expect(values).toMatchObject({
      "cmi.core.lesson_status": "passed",
      "cmi.core.score.raw": "85",
      "cmi.core.score.min": "0",
      "cmi.core.score.max": "100",
      "cmi.core.session_time": "00:01:05",
      "cmi.core.exit": "",
    });
    expect(calls.slice(-2)).toEqual(["LMSCommit", "LMSFinish"]);
    expect(session.report({ score: 90, passed: true, completed: true }), "a second result is refused").toBe(false);
    expect(session.finish()).toBe(false);
    expect(calls.filter((call) => call === "LMSFinish")).toHaveLength(1);
  });

  it("reports failed below the pass mark, completed without a score, and leaves an earlier status alone at start", () => {
    const failed = fakeApi("1.2", { "cmi.core.lesson_status": "" });
    const session = launcher.createSession("1.2", failed.api, () => 0);
    session.start();
    session.report({ score: 40, passed: false, completed: true });
    expect(failed.values["cmi.core.lesson_status"]).toBe("failed");

    const unscored = fakeApi("1.2", { "cmi.core.lesson_status": "passed" });
    const again = launcher.createSession("1.2", unscored.api, () => 0);
    again.start();
    expect(unscored.calls).not.toContain("LMSSetValue cmi.core.lesson_status=incomplete");
    again.report({ score: null, passed: false, completed: true });
    expect(unscored.values["cmi.core.lesson_status"]).toBe("completed");
    expect(unscored.values).not.toHaveProperty("cmi.core.score.raw");
  });
});

describe("a SCORM 2004 session", () => {
  it("starts incomplete, then reports completion, success and the raw, min, max and scaled score", () => {
    const { api, values, calls } = fakeApi("2004", { "cmi.completion_status": "unknown" });
    let now = 0;
    const session = launcher.createSession("2004", api, () => now);
    session.start();
    expect(values["cmi.completion_status"]).toBe("incomplete");
    expect(calls.slice(0, 1)).toEqual(["Initialize"]);
    now = 3_723_000;
    session.report({ score: 72, passed: true, completed: true });
    expect(values).toMatchObject({
      "cmi.completion_status": "completed",
      "cmi.success_status": "passed",
      "cmi.score.raw": "72",
      "cmi.score.min": "0",
      "cmi.score.max": "100",
      "cmi.score.scaled": "0.72",
      "cmi.session_time": "PT1H2M3S",
      "cmi.exit": "normal",
    });
    expect(calls.slice(-2)).toEqual(["Commit", "Terminate"]);
  });

  it("says failed below the pass mark, unknown success without a score, and suspends when the learner leaves first", () => {
    const failed = fakeApi("2004");
    const session = launcher.createSession("2004", failed.api, () => 0);
    session.start();
    session.report({ score: 0, passed: false, completed: true });
    expect(failed.values).toMatchObject({ "cmi.success_status": "failed", "cmi.score.scaled": "0" });

    const unscored = fakeApi("2004");
    const quiet = launcher.createSession("2004", unscored.api, () => 0);
    quiet.start();
    quiet.report({ score: null, passed: false, completed: true });
    expect(unscored.values).toMatchObject({ "cmi.completion_status": "completed", "cmi.success_status": "unknown" });
    expect(unscored.values).not.toHaveProperty("cmi.score.raw");

    const left = fakeApi("2004");
    const gone = launcher.createSession("2004", left.api, () => 0);
    gone.start();
    expect(gone.finish()).toBe(true);
    expect(left.values).toMatchObject({ "cmi.exit": "suspend", "cmi.completion_status": "incomplete" });
    expect(gone.report({ score: 90, passed: true, completed: true })).toBe(false);
  });

  it("does not start when the LMS refuses Initialize", () => {
    const session = launcher.createSession("2004", { Initialize: () => "false" }, () => 0);
    expect(session.start()).toBe(false);
    expect(session.finish()).toBe(false);
  });
});

describe("readAttemptEnded", () => {
  const popup = {};
  const expected = { origin: "https://frontline.example.com", scenarioId: "parcel-third-call", source: popup };
  const good = { type: "frontline:attempt-ended", scenarioId: "parcel-third-call", score: 85, passed: true, completed: true };
  const event = (changes: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({ origin: expected.origin, source: popup, data: { ...good, ...data }, ...changes });

  it("takes Frontline's message about this scenario from the window it opened", () => {
    expect(launcher.readAttemptEnded(event(), expected)).toEqual({ score: 85, passed: true, completed: true, passMark: null });
    expect(launcher.readAttemptEnded(event({}, { score: null, passed: false }), expected)).toEqual({ score: null, passed: false, completed: true, passMark: null });
  });

  it("takes the pass mark Frontline judged by when it is a whole number from 0 to 100, and leaves it out otherwise", () => {
    expect(launcher.readAttemptEnded(event({}, { passMark: 80 }), expected)).toMatchObject({ passed: true, passMark: 80 });
    expect(launcher.readAttemptEnded(event({}, { passMark: 0 }), expected)).toMatchObject({ passMark: 0 });
    // A bad mark does not refuse the result: the platform still gets the score and the status Frontline decided.
    for (const passMark of [101, -1, 70.5, "70", null]) expect(launcher.readAttemptEnded(event({}, { passMark }), expected), String(passMark)).toMatchObject({ score: 85, passMark: null });
  });

  it("ignores another origin, another window, another scenario, another type and a malformed result", () => {
    expect(launcher.readAttemptEnded(event({ origin: "https://evil.example" }), expected)).toBeNull();
    expect(launcher.readAttemptEnded(event({ origin: "https://frontline.example.com.evil.example" }), expected)).toBeNull();
    expect(launcher.readAttemptEnded(event({ source: {} }), expected)).toBeNull();
    expect(launcher.readAttemptEnded(event({}, { scenarioId: "other" }), expected)).toBeNull();
    expect(launcher.readAttemptEnded(event({}, { type: "something-else" }), expected)).toBeNull();
    for (const score of [101, -1, 50.5, "85", Number.NaN]) expect(launcher.readAttemptEnded(event({}, { score }), expected), String(score)).toBeNull();
    expect(launcher.readAttemptEnded(event({}, { passed: "yes" }), expected)).toBeNull();
    expect(launcher.readAttemptEnded(event({ data: "frontline:attempt-ended" }), expected)).toBeNull();
  });
});

describe("small helpers", () => {
  it("builds Frontline's launch URL with the page's own origin", () => {
    const config = { frontlineOrigin: "https://frontline.example.com", launchPath: "/scorm/launch", scenarioId: "parcel-third-call", version: "1.2" };
    expect(launcher.launchUrl(config, "https://lms.example.com")).toBe(
      "https://frontline.example.com/scorm/launch?scenario=parcel-third-call&v=1.2&origin=https%3A%2F%2Flms.example.com",
    );
  });

  it("writes durations as each edition wants them", () => {
    expect(launcher.duration("1.2", 0)).toBe("00:00:00");
    expect(launcher.duration("1.2", 36_610_400)).toBe("10:10:10");
    expect(launcher.duration("2004", 59_600)).toBe("PT0H1M0S");
  });

  it("fills {{placeholders}}", () => {
    expect(launcher.format("{{score}} of 100, pass at {{passMark}}", { score: 85, passMark: 70 })).toBe("85 of 100, pass at 70");
  });
});

// ---------------------------------------------------------------------------------------------
// The whole page: a fake document with the status line, the button and the SCO's settings.

function fakePage({ api, popup, protocol = "https:" }: { api: object | null; popup: object | null; protocol?: string }) {
  const status = { textContent: "" };
  const button = { textContent: "", hidden: true, listeners: [] as Array<() => void>, addEventListener: (_type: string, listener: () => void) => button.listeners.push(listener) };
  const config = {
    version: "2004",
    frontlineOrigin: "https://frontline.example.com",
    launchPath: "/scorm/launch",
    scenarioId: "parcel-third-call",
    passMark: 70,
    messages: Object.fromEntries(
      ["noApi", "initFailed", "badOrigin", "waiting", "blocked", "open", "show", "openAgain", "closed", "reportedPassed", "reportedFailed", "reportedNoScore"].map((key) => [
        key,
        `${key} {{score}}/{{passMark}}`,
      ]),
    ),
  };
  const elements: Record<string, object> = { "frontline-scorm": { textContent: JSON.stringify(config) }, "frontline-status": status, "frontline-open": button };
  const listeners: Record<string, Array<(event: object) => void>> = {};
  const opened: string[] = [];
  const globals: Record<string, unknown> = {
    document: { getElementById: (id: string) => elements[id] ?? null },
    location: { protocol, origin: protocol === "https:" ? "https://lms.example.com" : "null" },
    API_1484_11: api ?? undefined,
    open: (url: string) => (opened.push(url), popup),
    addEventListener: (type: string, listener: (event: object) => void) => (listeners[type] ??= []).push(listener),
    setInterval: () => 1,
    clearInterval: () => undefined,
  };
  globals.parent = globals;
  globals.top = globals;
  run(globals);
  const dispatch = (type: string, event: object) => listeners[type]?.forEach((listener) => listener(event));
  return { status, button, opened, dispatch };
}

describe("the launch page", () => {
  it("opens Frontline, and reports the result that the opened window posts", () => {
    const { api, values } = fakeApi("2004");
    const popup = { closed: false };
    const page = fakePage({ api, popup });
    expect(page.opened).toEqual(["https://frontline.example.com/scorm/launch?scenario=parcel-third-call&v=2004&origin=https%3A%2F%2Flms.example.com"]);
    expect(page.status.textContent).toBe("waiting /70");
    expect(values["cmi.completion_status"]).toBe("incomplete");
    page.dispatch("message", { origin: "https://evil.example", source: popup, data: { type: "frontline:attempt-ended", scenarioId: "parcel-third-call", score: 100, passed: true, completed: true } });
    expect(values["cmi.completion_status"]).toBe("incomplete");
    page.dispatch("message", { origin: "https://frontline.example.com", source: popup, data: { type: "frontline:attempt-ended", scenarioId: "parcel-third-call", score: 85, passed: true, completed: true } });
    expect(values).toMatchObject({ "cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.raw": "85" });
    expect(page.status.textContent).toBe("reportedPassed 85/70");
    expect(page.button.hidden).toBe(true);
  });

  it("names the pass mark Frontline judged by, not the one the package was downloaded with", () => {
    const { api, values } = fakeApi("2004");
    const popup = { closed: false };
    const page = fakePage({ api, popup });
    page.dispatch("message", { origin: "https://frontline.example.com", source: popup, data: { type: "frontline:attempt-ended", scenarioId: "parcel-third-call", score: 75, passed: false, completed: true, passMark: 80 } });
    expect(values).toMatchObject({ "cmi.success_status": "failed", "cmi.score.raw": "75" });
    expect(page.status.textContent).toBe("reportedFailed 75/80");
  });

  it("offers a button when the browser blocks the window, and opens it on a press", () => {
    const { api } = fakeApi("2004");
    const page = fakePage({ api, popup: null });
    expect(page.status.textContent).toBe("blocked /70");
    expect(page.button).toMatchObject({ hidden: false, textContent: "open {{score}}/{{passMark}}" });
    page.button.listeners.forEach((listener) => listener());
    expect(page.opened).toHaveLength(2);
  });

  it("says so when no SCORM API is found or the page has an opaque origin, and opens nothing", () => {
    const none = fakePage({ api: null, popup: {} });
    expect(none.status.textContent).toBe("noApi /70");
    expect(none.opened).toEqual([]);
    const sandboxed = fakePage({ api: fakeApi("2004").api, popup: {}, protocol: "file:" });
    expect(sandboxed.status.textContent).toBe("badOrigin /70");
    expect(sandboxed.opened).toEqual([]);
  });
});
