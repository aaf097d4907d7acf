// Several worker processes on one database (WEB_CONCURRENCY=2), each test on its own server:
// the sign-in limit holds across workers, a choice posted twice to two workers counts once, and a
// worker killed with SIGKILL under load is replaced with no acknowledged choice lost.
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import {
  freePort,
  killRunningServers,
  makeTempDir,
  PARCEL,
  postChoice,
  readPlayPage,
  startAppServer,
  startViaApi,
  type AppServer,
} from "./play-support";
import { postSignIn } from "./support";

// A demo trainee: each server here seeds its own fresh database.
const PRIYA = { email: "priya@frontline.test", password: "frontline-trainee" };

test.describe.configure({ timeout: 120_000 });
test.afterEach(() => killRunningServers());

async function twoWorkerServer(label: string): Promise<{ server: AppServer; remove: () => Promise<void> }> {
  const temp = await makeTempDir(label);
  const server = await startAppServer({ databasePath: path.join(temp.dir, "frontline.db"), port: await freePort(), env: { WEB_CONCURRENCY: "2" } });
  // The server answers as soon as one worker listens: wait for the second, or every request may reach the first.
  await expect.poll(async () => (await processesAnswering(server.url)).size, { timeout: 30_000 }).toBe(2);
  return { server, remove: temp.remove };
}

/** The processes that answer /healthz over a few fresh connections (the primary hands each to a worker in turn). */
async function processesAnswering(baseURL: string): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < 8; i++) {
    const context = await playwrightRequest.newContext({ baseURL, timeout: 5_000 });
    const answer = await context.get("/healthz").catch(() => null);
    if (answer?.ok()) seen.add(processOf(answer.headers()));
    await context.dispose();
  }
  return seen;
}

/** A context of its own: its own connections, so the primary may hand its requests to either worker. */
// A request cut off by a kill fails within seconds rather than holding the test up.
const fresh = (baseURL: string, storageState?: Awaited<ReturnType<APIRequestContext["storageState"]>>) => playwrightRequest.newContext({ baseURL, storageState, timeout: 10_000 });

const processOf = (headers: Record<string, string>) => Number(headers["x-frontline-process"]);

async function signedIn(baseURL: string): Promise<APIRequestContext> {
  const context = await fresh(baseURL);
  expect((await postSignIn(context, { ...PRIYA, origin: baseURL })).status()).toBe(302);
  return context;
}

test("the sign-in limit holds across workers: of 16 parallel wrong guesses, 10 are judged", async () => {
  const { server, remove } = await twoWorkerServer("workers-sign-in");
  try {
    // Ten of these hash a password at full cost, all at once on two cores: they may take a while.
    const contexts = await Promise.all(Array.from({ length: 16 }, () => playwrightRequest.newContext({ baseURL: server.url, timeout: 60_000 })));
    const answers = await Promise.all(contexts.map((context) => postSignIn(context, { email: PRIYA.email, password: "not-her-password", origin: server.url })));
    const statuses = answers.map((answer) => answer.status()).sort();
    expect(new Set(answers.map((answer) => processOf(answer.headers()))).size, "the guesses reached both workers").toBe(2);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    await Promise.all(contexts.map((context) => context.dispose()));
  } finally {
    await server.stop("SIGKILL");
    await remove();
  }
});

test("a choice posted twice, to two workers at once, is recorded once", async () => {
  const { server, remove } = await twoWorkerServer("workers-double-post");
  try {
    const first = await signedIn(server.url);
    const state = await first.storageState();
    const attemptId = await startViaApi(first, server.url, PARCEL.id);
    // Pairs of fresh contexts until the two posts of one pair land on different workers.
    let spread = false;
    for (let round = 0; round < 6 && !spread; round++) {
      const [a, b] = [await fresh(server.url, state), await fresh(server.url, state)];
      const current = await readPlayPage(a, attemptId);
      expect(current.turn, "the attempt is still in progress").not.toBeNull();
      const id = current.choiceIds[0]!;
      const answers = await Promise.all([postChoice(a, server.url, attemptId, current.turn!, id), postChoice(b, server.url, attemptId, current.turn!, id)]);
      spread = processOf(answers[0].headers()) !== processOf(answers[1].headers());
      for (const answer of answers) expect(answer.status()).toBe(302);
      const after = await readPlayPage(a, attemptId);
      // Recorded once: exactly one turn further on (or finished), never two.
      if (after.turn !== null) expect(after.turn).toBe(current.turn! + 1);
      expect(after.replies, "one reply per turn in the transcript").toBe(after.turn === null ? after.replies : current.turn!);
      await Promise.all([a.dispose(), b.dispose()]);
      if (after.turn === null) break;
    }
    expect(spread, "a pair of posts reached both workers").toBe(true);
    await first.dispose();
  } finally {
    await server.stop("SIGKILL");
    await remove();
  }
});

test("SIGKILL to a worker under load: it is replaced, the other keeps serving, and no acknowledged choice is lost", async () => {
  const { server, remove } = await twoWorkerServer("workers-kill");
  try {
    const trainee = await signedIn(server.url);
    const state = await trainee.storageState();
    let acknowledged = 0;
    const attempts: { id: number; acknowledged: number }[] = [];
    let stop = false;
    const killed: number[] = [];
    let servedWhileKilled = 0;

    // Plays attempt after attempt to their end, each post on a fresh connection; a post cut off by the kill is posted
    // again (a choice is idempotent by its turn), and only a 302 counts as acknowledged.
    const player = (async () => {
      while (!stop) {
        const context = await fresh(server.url, state);
        const attemptId = await startViaApi(context, server.url, PARCEL.id).catch(() => null);
        await context.dispose();
        if (attemptId === null) continue;
        const record = { id: attemptId, acknowledged: 0 };
        attempts.push(record);
        for (let tries = 0; tries < 60; tries++) {
          const post = await fresh(server.url, state);
          try {
            const page = await readPlayPage(post, attemptId);
            if (page.status !== 200 || page.turn === null) break;
            const answer = await postChoice(post, server.url, attemptId, page.turn, page.choiceIds[0]!);
            if (answer.status() === 302) {
              record.acknowledged = page.turn;
              acknowledged++;
            }
          } catch {
            // The connection died with the worker: try again.
          } finally {
            await post.dispose();
          }
        }
      }
    })();

    const pidsSeen = () => processesAnswering(server.url);

    await expect.poll(() => acknowledged, { timeout: 30_000 }).toBeGreaterThan(10);
    for (let round = 0; round < 2; round++) {
      const before = await pidsSeen();
      expect(before.size).toBe(2);
      const victim = [...before][0]!;
      process.kill(victim, "SIGKILL");
      killed.push(victim);
      // The other worker answers while the victim is being replaced.
      const context = await fresh(server.url);
      for (let i = 0; i < 5; i++) if ((await context.get("/healthz", { timeout: 5_000 }).catch(() => null))?.ok()) servedWhileKilled++;
      await context.dispose();
      await expect.poll(async () => [...(await pidsSeen())].filter((pid) => !killed.includes(pid)).length, { timeout: 20_000 }).toBe(2);
      const mark = acknowledged;
      await expect.poll(() => acknowledged, { timeout: 30_000 }).toBeGreaterThan(mark + 5);
    }
    stop = true;
    await player;

    expect(servedWhileKilled).toBeGreaterThan(0);
    const check = await fresh(server.url, state);
    for (const attempt of attempts) {
      const page = await readPlayPage(check, attempt.id);
      // Every acknowledged choice is there: the attempt is at least one turn past the last one (or finished).
      if (page.turn !== null) expect(page.turn, `attempt ${attempt.id}`).toBeGreaterThan(attempt.acknowledged);
      else expect(attempt.acknowledged, `attempt ${attempt.id} finished`).toBeGreaterThan(0);
    }
    await check.dispose();
    expect(server.process.exitCode, "the primary is still running").toBeNull();
  } finally {
    await server.stop("SIGKILL");
    await remove();
  }
});
