// Who may open the manager's pages: every page × (anonymous, trainee, trainer, the team's manager,
// another team's manager, admin). Direct URLs to another team's data answer 404 and reveal nothing.
// Each worker builds two fresh teams, each with its own fresh manager and one trainee who has
// finished one attempt, so "the team" and "another team" are both known exactly; and a manager of
// two teams, for the private pages of each team and for a trainee's own conversation pages, which
// are the trainee's alone (403 for managers, 404 for anyone else who plays: another trainee, a
// trainer or an admin).
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
  type Team,
} from "./manager-support";
import { RETURNS, readPlayPage, postChoice } from "./play-support";
import { DEMO_USERS, expectNone, findUserId, originOf, stateFile, textOf } from "./support";

type World = { home: Crew; other: Crew; homeTrainee: Person; otherTrainee: Person; homeAttempt: number; otherAttempt: number; samId: number };
/**
 * One manager in charge of two teams: Mira (first team) finished the parcel call; Nils (second team)
 * finished it too and is half-way through the returns desk, so his play page has a conversation to show.
 */
type TwoTeams = { crew: Crew; mira: Person; nils: Person; miraAttempt: number; nilsAttempt: number; nilsUnfinished: number };

const test = base.extend<object, { world: World; twoTeams: TwoTeams }>({
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
  twoTeams: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const crew = await createCrew(playwright, baseURL, [["Mira"], ["Nils"]]);
      const [mira, nils] = crew.trainees;
      if (!mira || !nils) throw new Error("the crew should have one trainee in each team");
      const [miraAttempt, nilsAttempt] = await Promise.all([
        playAs(playwright, baseURL, mira, PATHS.mixed.choices),
        playAs(playwright, baseURL, nils, PATHS.best.choices),
      ]);
      const nilsUnfinished = await playAs(playwright, baseURL, nils, [1], RETURNS.id);
      await use({ crew, mira, nils, miraAttempt, nilsAttempt, nilsUnfinished });
    },
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
  { label: "customer outcomes CSV", kind: "team", csv: true, private: false, path: () => "/team/outcomes.csv" },
  // Lists only agents with a milestone or with tickets around it: who may open it, and that no other team's agent is in it, is what is checked.
  { label: "before-and-after CSV", kind: "team", csv: true, private: false, path: () => "/team/outcomes/before-after.csv" },
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

/** The same URL for an id that exists nowhere, without the query. */
function missingTwin(path: string): string {
  return path.replace(/\?.*$/, "").replace(/\/\d+(?=\/|$)/, "/999999999");
}

/**
 * `path` answers `status`, shows none of `needles` (not even in the page's data), and reads exactly
 * like the same page for a missing id: nothing tells "exists, not yours" from "does not exist".
 */
async function expectRevealsNothing(request: APIRequestContext, path: string, status: 403 | 404, needles: readonly string[]): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  const body = await response.text();
  expectNone(body, needles, path);
  const missing = await request.get(missingTwin(path), { maxRedirects: 0 });
  expect(missing.status(), missingTwin(path)).toBe(status);
  expect(textOf(body), `${path} reads like ${missingTwin(path)}`).toBe(textOf(await missing.text()));
  return body;
}

/** Each of `paths` under each of `teams` (none of them the asker's) answers 404 like a missing id, naming no team or person. */
async function expectTeamQueriesRefused(
  request: APIRequestContext,
  paths: readonly string[],
  teams: readonly Team[],
  people: readonly Person[],
): Promise<void> {
  const needles = [...people.flatMap(traces), ...teams.map((team) => team.name), "You are viewing"];
  for (const team of teams) {
    for (const path of paths) await expectRevealsNothing(request, `${path}?team=${team.id}`, 404, needles);
  }
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
            await expectRevealsNothing(request, path, 404, [...traces(world.homeTrainee), "Hana", "You are viewing"]);
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
  if (page.label === "team overview" || (page.csv && page.label !== "before-and-after CSV")) {
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
    const otherTeam = world.other.teams[0]!;
    for (const page of PAGES.filter((candidate) => !candidate.private)) {
      const path = `${page.path(world)}?team=${otherTeam.id}`;
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expectNone(await response.text(), [...traces(world.otherTrainee), otherTeam.name], path);
    }
    // Their own team by id is fine.
    expect((await request.get(`/team?team=${world.home.teams[0]!.id}`)).status()).toBe(200);
    await request.dispose();
  });

  test("a team the manager does not manage in the query of a trainee's page or debrief answers 404, their own trainee's too", async ({
    world,
    playwright,
    baseURL,
  }) => {
    const request = await requestAs(playwright, baseURL, world.home.manager.state);
    const paths = [
      `/team/trainees/${world.homeTrainee.id}`,
      `/team/attempts/${world.homeAttempt}`,
      // The team named is the trainee's own, but not the manager's.
      `/team/trainees/${world.otherTrainee.id}`,
      `/team/attempts/${world.otherAttempt}`,
    ];
    await expectTeamQueriesRefused(request, paths, world.other.teams, [world.homeTrainee, world.otherTrainee]);
    await request.dispose();
  });

  test("trainers and trainees get the 403 page on a trainee's page or debrief whatever team the query names", async ({
    world,
    playwright,
    baseURL,
  }) => {
    for (const subject of ["trainer", "trainee"] as const) {
      const request = await contextFor(subject, world, playwright, baseURL);
      for (const team of [world.home.teams[0]!, world.other.teams[0]!]) {
        for (const page of PAGES.filter((candidate) => candidate.private)) {
          const path = `${page.path(world)}?team=${team.id}`;
          const response = await request.get(path, { maxRedirects: 0 });
          await expectFriendly403(response, false);
          // (The trainee's own name is in the header of their 403 page.)
          const needles = [...traces(world.otherTrainee), ...(subject === "trainee" ? [] : traces(world.homeTrainee)), team.name];
          expectNone(await response.text(), needles, path);
        }
      }
      await request.dispose();
    }
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

test.describe("a manager of several teams", () => {
  test("opens the trainee page and read-only debrief of a trainee in each team, whichever of their teams the query names", async ({
    twoTeams,
    world,
    playwright,
    baseURL,
  }) => {
    const { crew, mira, nils } = twoTeams;
    const request = await requestAs(playwright, baseURL, crew.manager.state);
    const queries = ["", ...crew.teams.map((team) => `?team=${team.id}`)];
    const strangers = [...traces(world.homeTrainee), ...traces(world.otherTrainee), DEMO_USERS.trainee.name];
    for (const [trainee, attempt, sibling] of [
      [mira, twoTeams.miraAttempt, nils],
      [nils, twoTeams.nilsAttempt, mira],
    ] as const) {
      for (const query of queries) {
        const traineePage = `/team/trainees/${trainee.id}${query}`;
        const traineeResponse = await request.get(traineePage, { maxRedirects: 0 });
        expect(traineeResponse.status(), traineePage).toBe(200);
        const traineeHtml = await traineeResponse.text();
        expect(textOf(traineeHtml)).toContain(trainee.name);
        // A person's page is about that person: not the other team's trainee, nor anybody outside.
        expectNone(traineeHtml, [...traces(sibling), ...strangers], traineePage);

        const debrief = `/team/attempts/${attempt}${query}`;
        const debriefResponse = await request.get(debrief, { maxRedirects: 0 });
        expect(debriefResponse.status(), debrief).toBe(200);
        const debriefHtml = await debriefResponse.text();
        expect(textOf(debriefHtml)).toContain(`You are viewing ${trainee.name}'s debrief, exactly as they saw it.`);
        expectNone(debriefHtml, [...traces(sibling), ...strangers], debrief);
      }
    }
    await request.dispose();
  });

  test("answers 404 for trainees and attempts outside their teams, and for their own trainees' pages under a team they do not manage", async ({
    twoTeams,
    world,
    playwright,
    baseURL,
  }) => {
    const { crew, mira, nils } = twoTeams;
    const request = await requestAs(playwright, baseURL, crew.manager.state);
    const outsiders = [...traces(world.homeTrainee), ...traces(world.otherTrainee), DEMO_USERS.trainee.name, DEMO_USERS.trainee.email];
    for (const path of [
      `/team/trainees/${world.homeTrainee.id}`,
      `/team/trainees/${world.otherTrainee.id}`,
      `/team/trainees/${world.samId}`,
      `/team/attempts/${world.homeAttempt}`,
      `/team/attempts/${world.otherAttempt}`,
    ]) {
      await expectRevealsNothing(request, path, 404, [...outsiders, "You are viewing"]);
    }
    const paths = [
      `/team/trainees/${mira.id}`,
      `/team/trainees/${nils.id}`,
      `/team/attempts/${twoTeams.miraAttempt}`,
      `/team/attempts/${twoTeams.nilsAttempt}`,
      `/team/trainees/${world.homeTrainee.id}`,
    ];
    const foreignTeams = [...world.home.teams, ...world.other.teams];
    await expectTeamQueriesRefused(request, paths, foreignTeams, [mira, nils, world.homeTrainee, world.otherTrainee]);
    await request.dispose();
  });

  test("an admin may name any team in the query of a trainee's page; a team that does not exist answers 404", async ({
    twoTeams,
    world,
    playwright,
    baseURL,
  }) => {
    const request = await requestAs(playwright, baseURL, stateFile("admin"));
    const { mira } = twoTeams;
    const anotherTeam = world.other.teams[0]!.id;
    for (const path of [`/team/trainees/${mira.id}?team=${anotherTeam}`, `/team/attempts/${twoTeams.miraAttempt}?team=${anotherTeam}`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(textOf(await response.text())).toContain(mira.name);
    }
    for (const path of [`/team/trainees/${mira.id}?team=999999999`, `/team/attempts/${twoTeams.miraAttempt}?team=999999999`]) {
      await expectRevealsNothing(request, path, 404, [...traces(mira), "You are viewing"]);
    }
    await request.dispose();
  });
});

/**
 * What Mira's finished parcel call (PATHS.mixed: the customer's first line, the first reply picked) and
 * Nils's unfinished returns-desk conversation (the first line, the next after reply 1) show their owner.
 * Fragments without apostrophes, which the HTML escapes.
 */
const FINISHED_CONVERSATION = [PARCEL.title, "Where is my parcel?", "opening a trace on it right now"];
const UNFINISHED_CONVERSATION = [RETURNS.title, "lost the receipt", "Or was it cash?"];

type Onlooker = "trainer" | "the trainee's manager" | "another team's manager" | "admin";
const ONLOOKERS: readonly Onlooker[] = ["trainer", "the trainee's manager", "another team's manager", "admin"];

/**
 * Trainers and admins play the catalogue too, so a trainee's attempt is someone else's to them:
 * 404, as for another trainee. Managers do not play: the 403 page.
 */
const refusalFor = (onlooker: Onlooker): 403 | 404 => (onlooker === "trainer" || onlooker === "admin" ? 404 : 403);

function onlookerState(onlooker: Onlooker, twoTeams: TwoTeams, world: World) {
  switch (onlooker) {
    case "trainer":
      return stateFile("trainer");
    case "the trainee's manager":
      return twoTeams.crew.manager.state;
    case "another team's manager":
      return world.home.manager.state;
    case "admin":
      return stateFile("admin");
  }
}

test.describe("a trainee's conversation pages are the trainee's alone", () => {
  test("the owners see their conversations (so the texts checked below are really on these pages)", async ({ twoTeams, playwright, baseURL }) => {
    const mira = await requestAs(playwright, baseURL, twoTeams.mira.state);
    const nils = await requestAs(playwright, baseURL, twoTeams.nils.state);
    const finished = await mira.get(`/train/attempts/${twoTeams.miraAttempt}/debrief`, { maxRedirects: 0 });
    expect(finished.status()).toBe(200);
    for (const text of FINISHED_CONVERSATION) expect(await finished.text()).toContain(text);
    // A finished conversation's play page leads to its debrief.
    const replay = await mira.get(`/train/attempts/${twoTeams.miraAttempt}`, { maxRedirects: 0 });
    expect(replay.status()).toBe(302);
    expect(replay.headers().location).toBe(`/train/attempts/${twoTeams.miraAttempt}/debrief`);
    const unfinished = await nils.get(`/train/attempts/${twoTeams.nilsUnfinished}`, { maxRedirects: 0 });
    expect(unfinished.status()).toBe(200);
    for (const text of UNFINISHED_CONVERSATION) expect(await unfinished.text()).toContain(text);
    await mira.dispose();
    await nils.dispose();
  });

  for (const onlooker of ONLOOKERS) {
    const refusal = refusalFor(onlooker);
    test(`${onlooker} → a trainee's play page and debrief, finished or not: ${refusal === 403 ? "the 403 page" : "404 like a missing one"}, nothing of the conversation`, async ({
      twoTeams,
      world,
      playwright,
      baseURL,
    }) => {
      const request = await requestAs(playwright, baseURL, onlookerState(onlooker, twoTeams, world));
      const needles = [...traces(twoTeams.mira), ...traces(twoTeams.nils), ...FINISHED_CONVERSATION, ...UNFINISHED_CONVERSATION];
      for (const attempt of [twoTeams.miraAttempt, twoTeams.nilsUnfinished]) {
        for (const path of [`/train/attempts/${attempt}`, `/train/attempts/${attempt}/debrief`]) {
          const body = await expectRevealsNothing(request, path, refusal, needles);
          if (refusal === 403) expect(textOf(body)).toContain("This page is not part of your role");
        }
      }
      await request.dispose();
    });
  }

  test("nobody but the owner can post a reply: managers get 403, another trainee, a trainer or an admin 404, and the conversation does not move", async ({
    twoTeams,
    world,
    playwright,
    baseURL,
  }) => {
    const origin = originOf(baseURL);
    const owner = await requestAs(playwright, baseURL, twoTeams.nils.state);
    const before = await readPlayPage(owner, twoTeams.nilsUnfinished);
    const choiceId = before.choiceIds[0];
    if (before.turn === null || !choiceId) throw new Error(`Nils's conversation should be waiting for a reply: ${before.status}`);
    const posters = [
      ...ONLOOKERS.map((onlooker) => ({ who: onlooker, state: onlookerState(onlooker, twoTeams, world), status: refusalFor(onlooker) })),
      { who: "another trainee", state: twoTeams.mira.state, status: 404 },
    ];
    for (const { who, state, status } of posters) {
      const request = await requestAs(playwright, baseURL, state);
      const response = await postChoice(request, origin, twoTeams.nilsUnfinished, before.turn, choiceId);
      expect(response.status(), who).toBe(status);
      expect(response.headers().location, who).toBeUndefined();
      expectNone(await response.text(), [...traces(twoTeams.nils), ...UNFINISHED_CONVERSATION], `${who}'s reply`);
      await request.dispose();
    }
    const after = await readPlayPage(owner, twoTeams.nilsUnfinished);
    expect({ turn: after.turn, replies: after.replies }).toEqual({ turn: before.turn, replies: before.replies });
    await owner.dispose();
  });
});
