import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { changePassMark } from "~/grading/pass-mark.server";
import { parseLaunch, rememberLaunch, scormReportFor } from "./launch.server";

beforeAll(async () => {
  await useFreshDatabase();
});

const reader = (query: string) => {
  const params = new URLSearchParams(query);
  return (name: string) => params.get(name);
};

describe("parseLaunch", () => {
  it("reads the scenario, the edition and the platform page's origin", () => {
    expect(parseLaunch(reader("scenario=parcel-third-call&v=2004&origin=https%3A%2F%2Flms.example.com"))).toEqual({
      scenarioId: "parcel-third-call",
      version: "2004",
      origin: "https://lms.example.com",
    });
    expect(parseLaunch(reader("scenario=a&v=1.2&origin=http%3A%2F%2Flocalhost%3A8080"))).toMatchObject({ version: "1.2", origin: "http://localhost:8080" });
  });

  it("names the first missing or malformed parameter", () => {
    expect(parseLaunch(reader("v=1.2&origin=https://lms.example.com"))).toEqual({ key: "missing", name: "scenario" });
    expect(parseLaunch(reader("scenario=a&origin=https://lms.example.com"))).toEqual({ key: "missing", name: "v" });
    expect(parseLaunch(reader("scenario=a&v=1.2"))).toEqual({ key: "missing", name: "origin" });
    expect(parseLaunch(reader("scenario=Not_An_Id&v=1.2&origin=https://lms.example.com"))).toEqual({ key: "badScenario" });
    expect(parseLaunch(reader("scenario=a&v=3&origin=https://lms.example.com"))).toEqual({ key: "badVersion" });
  });

  it("takes only an exact http(s) origin: no path, no credentials, no other scheme, no opaque origin", () => {
    for (const origin of ["https://lms.example.com/course", "https://lms.example.com/", "https://user@lms.example.com", "javascript:alert(1)", "null", "file:///tmp", "*", "lms.example.com"])
      expect(parseLaunch(reader(`scenario=a&v=2004&origin=${encodeURIComponent(origin)}`)), origin).toEqual({ key: "badOrigin" });
  });
});

async function requestWith(setCookie: string | null): Promise<Request> {
  const cookie = setCookie?.split(";")[0];
  return new Request("http://localhost/train/attempts/1/debrief", { headers: cookie ? { Cookie: cookie } : {} });
}

describe("the launched attempts' cookie and the debrief's report", () => {
  const origin = "https://lms.example.com";
  const ending = { attemptId: 7, scenarioId: "parcel-third-call", overall: 84.6, ended: true };

  it("reports a remembered attempt to its platform page's origin, with the score rounded and passed from the default 70", async () => {
    const request = await requestWith(await rememberLaunch(await requestWith(null), { attemptId: 7, scenarioId: "parcel-third-call", origin }));
    expect(await scormReportFor(request, ending)).toEqual({
      origin,
      message: { type: "frontline:attempt-ended", scenarioId: "parcel-third-call", score: 85, passed: true, completed: true, passMark: 70 },
    });
    expect((await scormReportFor(request, { ...ending, overall: 69.4 }))?.message).toMatchObject({ score: 69, passed: false });
    expect((await scormReportFor(request, { ...ending, overall: 69.5 }))?.message).toMatchObject({ score: 70, passed: true });
    expect((await scormReportFor(request, { ...ending, overall: null }))?.message).toMatchObject({ score: null, passed: false, completed: true });
  });

  it("judges by the admin's pass mark in force when the debrief is shown, and names it", async () => {
    const request = await requestWith(await rememberLaunch(await requestWith(null), { attemptId: 7, scenarioId: "parcel-third-call", origin }));
    await changePassMark(90, null);
    try {
      expect((await scormReportFor(request, ending))?.message).toMatchObject({ score: 85, passed: false, passMark: 90 });
      expect((await scormReportFor(request, { ...ending, overall: 90 }))?.message).toMatchObject({ passed: true, passMark: 90 });
    } finally {
      await changePassMark(70, null);
    }
  });

  it("reports nothing for another attempt, a cookie it did not sign, or no cookie", async () => {
    const request = await requestWith(await rememberLaunch(await requestWith(null), { attemptId: 7, scenarioId: "parcel-third-call", origin }));
    expect(await scormReportFor(request, { ...ending, attemptId: 8 })).toBeNull();
    expect(await scormReportFor(await requestWith(null), ending)).toBeNull();
    const forged = `frontline_scorm=${Buffer.from(JSON.stringify([{ attemptId: 7, scenarioId: "parcel-third-call", origin: "https://evil.example" }])).toString("base64")}`;
    expect(await scormReportFor(await requestWith(forged), ending)).toBeNull();
  });

  it("keeps the five latest launches, the newest first, each attempt once", async () => {
    let request = await requestWith(null);
    for (const attemptId of [1, 2, 3, 4, 5, 6, 3]) request = await requestWith(await rememberLaunch(request, { attemptId, scenarioId: "a", origin }));
    const reported = [];
    for (const attemptId of [1, 2, 3, 4, 5, 6]) if (await scormReportFor(request, { attemptId, scenarioId: "a", overall: 50, ended: true })) reported.push(attemptId);
    // 1 fell out when 6 came; launching 3 again moved it to the front without pushing 2 out.
    expect(reported).toEqual([2, 3, 4, 5, 6]);
  });
});
