// Who may open the manager's pages: every page × (anonymous, trainee, trainer, the team's manager,
// another team's manager, admin). Direct URLs to another team's data answer 404 and reveal nothing.
// Each worker builds two fresh teams, each with its own fresh manager and one trainee who has
// finished one attempt, so "the team" and "another team" are both known exactly.
import { test as base, expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import {
  DEMO_TRAINEES,
  PARCEL,
  PATHS,
  adminRequest,
  createCrew,
  parseCsv,
  playAs,
  requestAs,
  startedCount,
  type Crew,
  type Person,
} from "./manager-support";
import { DEMO_USERS, findUserId, stateFile, textOf } from "./support";

type World = { home: Crew; other: Crew; homeTrainee: Person; otherTrainee: Person; homeAttempt: number; otherAttempt: number; samId: number };

const test = base.extend<object, { world: World }>({
  world: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const [home, other] = await Promise.all([createCrew(playwright, baseURL, [["Hana"]]), createCrew(playwright, baseURL, [["Otto"]])]);
      const homeTrainee = home.trainees[0]!;
      const otherTrainee = other.trainees[0]!;
      const [homeAttempt, otherAttempt] = await Promise.all([
        playAs(playwright, baseURL, homeTrainee, PATHS.mixed.choices),
        playAs(playwright, baseURL, otherTrainee, PATHS.best.choices),
      ]);
      const admin = await adminRequest(playwright, baseURL);
      const samId = await findUserId(admin, DEMO_USERS.trainee.email);
      await admin.dispose();
      await use({ home, other, homeTrainee, otherTrainee, homeAttempt, otherAttempt, samId });
    },
    // Four accounts and sign-ins (scrypt each) on two busy cores: more than one test's 30 s may pass.
    { scope: "worker", timeout: 120_000 },
  ],
});

// The requests are quick: one worker runs them all in order on one set of teams, rather than each
// worker building its own.
test.describe.configure({ mode: "default" });

type PageKind = "team" | "analytics";
type ManagerPage = { label: string; kind: PageKind; csv: boolean; path: (world: World) => string; private: boolean };

/** Every manager page; "private" ones are about one trainee of the home team. */
const PAGES: readonly ManagerPage[] = [
  { label: "team overview", kind: "team", csv: false, private: false, path: () => "/team" },
  { label: "customer outcomes", kind: "team", csv: false, private: false, path: () => "/team/outcomes" },
  { label: "trainee page", kind: "team", csv: false, private: true, path: (w) => `/team/trainees/${w.homeTrainee.id}` },
  { label: "read-only debrief", kind: "team", csv: false, private: true, path: (w) => `/team/attempts/${w.homeAttempt}` },
  { label: "overview CSV", kind: "team", csv: true, private: false, path: () => "/team/overview.csv" },
  { label: "attempts CSV", kind: "team", csv: true, private: false, path: () => "/team/attempts.csv" },
  { label: "scenario analytics", kind: "analytics", csv: false, private: false, path: () => "/analytics/scenarios" },
  { label: "one scenario's analytics", kind: "analytics", csv: false, private: false, path: () => `/analytics/scenarios/${PARCEL.id}` },
];

type Subject = "anonymous" | "trainee" | "trainer" | "manager of the team" | "manager of another team" | "admin";
const SUBJECTS: readonly Subject[] = ["anonymous", "trainee", "trainer", "manager of the team", "manager of another team", "admin"];

async function contextFor(
  subject: Subject,
  world: World,
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string | undefined,
): Promise<APIRequestContext> {
  switch (subject) {
    case "anonymous":
      return requestAs(playwright, baseURL, { cookies: [], origins: [] });
    case "trainee":
      // The trainee whose attempt it is: their own data still belongs to the manager's pages, not theirs.
      return requestAs(playwright, baseURL, world.homeTrainee.state);
    case "trainer":
      return requestAs(playwright, baseURL, stateFile("trainer"));
    case "manager of the team":
      return requestAs(playwright, baseURL, world.home.manager.state);
    case "manager of another team":
      return requestAs(playwright, baseURL, world.other.manager.state);
    case "admin":
      return requestAs(playwright, baseURL, stateFile("admin"));
  }
}

/** Everything that identifies the home team's trainee. */
function traces(person: Person): string[] {
  return [person.name, person.email];
}

function expectNone(body: string, needles: readonly string[], where: string): void {
  for (const needle of needles) expect(body.includes(needle), `${where} must not contain ${needle}`).toBe(false);
}

async function expectFriendly403(response: APIResponse, csv: boolean): Promise<void> {
  expect(response.status()).toBe(403);
  if (!csv) expect(textOf(await response.text())).toContain("This page is not part of your role");
}

for (const subject of SUBJECTS) {
  test.describe(`${subject}`, () => {
    for (const page of PAGES) {
      const expected =
        subject === "anonymous"
          ? "a redirect to sign-in"
          : subject === "trainee" || (subject === "trainer" && page.kind === "team")
            ? "403"
            : subject === "manager of another team" && page.private
              ? "404"
              : "200";
      test(`${subject} → ${page.label}: ${expected}`, async ({ world, playwright, baseURL }) => {
        const path = page.path(world);
        const request = await contextFor(subject, world, playwright, baseURL);
        try {
          const response = await request.get(path, { maxRedirects: 0 });
          const body = await response.text();
          if (expected === "a redirect to sign-in") {
            expect(response.status()).toBe(302);
            expect(response.headers().location).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
            expectNone(body, traces(world.homeTrainee), path);
            return;
          }
          if (expected === "403") {
            await expectFriendly403(response, page.csv);
            // (The trainee's own name is in the header of their 403 page; nobody else's data is anywhere.)
            expectNone(body, [...traces(world.otherTrainee), ...(subject === "trainee" ? [] : traces(world.homeTrainee)), "You are viewing"], path);
            return;
          }
          if (expected === "404") {
            expect(response.status()).toBe(404);
            // Nothing about the trainee or the attempt, not even in the page's data.
            expectNone(body, [...traces(world.homeTrainee), "Hana", "You are viewing"], path);
            // Exactly the page a missing id gets: nothing tells "exists, not yours" from "does not exist".
            const missing = path.replace(/\/\d+$/, "/999999999");
            const missingResponse = await request.get(missing, { maxRedirects: 0 });
            expect(missingResponse.status()).toBe(404);
            expect(textOf(body)).toBe(textOf(await missingResponse.text()));
            return;
          }
          expect(response.status(), `${subject} should open ${path}`).toBe(200);
          expect(response.headers()["content-type"] ?? "").toContain(page.csv ? "text/csv" : "text/html");
          await checkContent(subject, page, body, world, request);
        } finally {
          await request.dispose();
        }
      });
    }
  });
}

/** What a 200 may and must show to each subject. */
async function checkContent(subject: Subject, page: ManagerPage, body: string, world: World, request: APIRequestContext): Promise<void> {
  const home = world.homeTrainee;
  const other = world.otherTrainee;
  const where = page.path(world);
  if (subject === "trainer") {
    // Scenario analytics without trainee names: no name or email of any trainee, fresh or demo.
    expectNone(body, [...traces(home), ...traces(other), ...DEMO_TRAINEES.flatMap((t) => [t.name, t.email])], where);
    expect(body).not.toMatch(/[\w.+-]+@frontline\.test/);
    return;
  }
  const text = page.csv ? body : textOf(body);
  const seesHome = subject !== "manager of another team";
  const seesOther = subject !== "manager of the team";
  if (page.label === "team overview" || page.csv) {
    const needle = page.csv ? home.email : home.name;
    expect(text.includes(needle), `${where} ${seesHome ? "lists" : "does not list"} ${home.name}`).toBe(seesHome);
    expect(text.includes(page.csv ? other.email : other.name), `${where} ${seesOther ? "lists" : "does not list"} ${other.name}`).toBe(seesOther);
  }
  if (subject === "manager of another team") expectNone(body, traces(home), where);
  if (subject === "manager of the team") {
    expectNone(body, traces(other), where);
    expectNone(body, DEMO_TRAINEES.flatMap((t) => [t.name, t.email]), where);
  }
  if (page.private) {
    expect(text).toContain(home.name);
    if (page.label === "read-only debrief") expect(text).toContain(`You are viewing ${home.name}'s debrief, exactly as they saw it.`);
  }
  if (page.label === "attempts CSV") {
    const rows = parseCsv(body).rows;
    if (subject === "manager of the team") expect(rows.map((row) => Number(row.attempt_id))).toEqual([world.homeAttempt]);
    if (subject === "manager of another team") expect(rows.map((row) => Number(row.attempt_id))).toEqual([world.otherAttempt]);
  }
  // Each manager's numbers cover only their own team: one attempt each.
  if (page.label === "scenario analytics" && subject !== "admin") expect((await startedCount(request, PARCEL.title)).started).toBe(1);
  if (page.label === "one scenario's analytics" && subject !== "admin") expect(text).toMatch(/Started\s*:\s*1\s*·\s*Completion\s*:\s*100%/);
}

test.describe("direct URLs outside the manager's teams", () => {
  test("a team the manager does not manage answers 404 on every filtered page and CSV", async ({ world, playwright, baseURL }) => {
    const request = await requestAs(playwright, baseURL, world.home.manager.state);
    const otherTeam = world.other.teams[0]!.id;
    for (const page of PAGES.filter((candidate) => !candidate.private)) {
      const path = `${page.path(world)}?team=${otherTeam}`;
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expectNone(await response.text(), [...traces(world.otherTrainee), world.other.teams[0]!.name], path);
    }
    // Their own team by id is fine.
    expect((await request.get(`/team?team=${world.home.teams[0]!.id}`)).status()).toBe(200);
    await request.dispose();
  });

  test("a demo team's trainee, a manager, a missing id and a malformed id all answer 404", async ({ world, playwright, baseURL }) => {
    const request = await requestAs(playwright, baseURL, world.home.manager.state);
    for (const path of [
      `/team/trainees/${world.samId}`,
      `/team/trainees/${world.home.manager.id}`,
      `/team/trainees/${world.otherTrainee.id}`,
      `/team/attempts/${world.otherAttempt}`,
      "/team/trainees/999999999",
      "/team/attempts/999999999",
      "/team/trainees/not-a-number",
      "/team/attempts/-1",
      "/analytics/scenarios/no-such-scenario",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expectNone(await response.text(), [DEMO_USERS.trainee.name, DEMO_USERS.trainee.email, ...traces(world.otherTrainee)], path);
    }
    await request.dispose();
  });

  test("the demo manager of another team cannot open this team's trainee or attempt either", async ({ world, playwright, baseURL }) => {
    const request = await requestAs(playwright, baseURL, stateFile("manager"));
    for (const path of [`/team/trainees/${world.homeTrainee.id}`, `/team/attempts/${world.homeAttempt}`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expectNone(await response.text(), traces(world.homeTrainee), path);
    }
    const overview = await (await request.get("/team")).text();
    expectNone(overview, traces(world.homeTrainee), "the demo manager's overview");
    await request.dispose();
  });

  test("a trainee cannot open another trainee's attempt or debrief (404), only their own", async ({ world, playwright, baseURL }) => {
    const owner = await requestAs(playwright, baseURL, world.homeTrainee.state);
    const stranger = await requestAs(playwright, baseURL, world.otherTrainee.state);
    expect((await owner.get(`/train/attempts/${world.homeAttempt}/debrief`, { maxRedirects: 0 })).status()).toBe(200);
    for (const path of [`/train/attempts/${world.homeAttempt}/debrief`, `/train/attempts/${world.homeAttempt}`]) {
      const response = await stranger.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expectNone(await response.text(), traces(world.homeTrainee), path);
    }
    await owner.dispose();
    await stranger.dispose();
  });
});
