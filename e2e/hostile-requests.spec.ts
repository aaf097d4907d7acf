// Requests an attacker (or a broken client) sends, straight over a socket where a browser would
// not send them: each gets a short 4xx page and one log line, never a 500, a stack trace, a
// stalled server or a buffered body. Signed-in pages are never cacheable by anyone else.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { originOf, stateFile } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type RawAnswer = { status: number; headers: string; body: string };

/** Sends `head` (and then `body`, if any) on a fresh socket and reads the answer until the server closes or ends it. */
function raw(baseURL: string | undefined, head: string, body: Buffer | string = "", { endAfterHead = false } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseURL ?? "");
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let text = "";
    const done = () => {
      socket.destroy();
      const [headers = "", ...rest] = text.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: rest.join("\r\n\r\n") });
    };
    socket.setTimeout(10_000, () => reject(new Error(`no answer to ${head.split("\r\n")[0]}`)));
    socket.on("data", (chunk) => {
      text += chunk.toString("utf8");
      // One answer is all we want: stop once its body is complete.
      const length = /\r\ncontent-length: (\d+)/i.exec(text)?.[1];
      const split = text.indexOf("\r\n\r\n");
      if (length !== undefined && split >= 0 && Buffer.byteLength(text.slice(split + 4)) >= Number(length)) done();
    });
    socket.on("end", done);
    socket.on("error", (error) => (text ? done() : reject(error)));
    socket.write(head.replace(/\n/g, "\r\n") + "\r\n");
    if (!endAfterHead) socket.write(body);
  });
}

function expectCalmPage(answer: RawAnswer, status: number, words: RegExp) {
  expect(answer.status, answer.headers).toBe(status);
  expect(answer.headers).toMatch(/content-type: text\/html/i);
  expect(answer.body).toMatch(words);
  expect(answer.body).not.toMatch(/\bat .+\(.+:\d+:\d+\)|TypeError|ReferenceError|node_modules/);
}

test.describe("requests no browser sends get a 4xx page, never a 500", () => {
  const host = (baseURL: string | undefined) => new URL(baseURL ?? "").host;

  test("a form body that is not a form: JSON, plain text, no type, broken multipart, chunked without a length", async ({ baseURL }) => {
    const post = (type: string | null, body: string, extra = "") =>
      raw(baseURL, `POST /sign-in HTTP/1.1\nHost: ${host(baseURL)}\nConnection: close\n${type === null ? "" : `Content-Type: ${type}\n`}Content-Length: ${Buffer.byteLength(body)}\n${extra}`, body);
    expectCalmPage(await post("application/json", '{"email":"a@b.c","password":"x"}'), 415, /could not be read/);
    expectCalmPage(await post("text/plain", "email=a@b.c"), 415, /could not be read/);
    expectCalmPage(await post(null, "email=a@b.c"), 415, /could not be read/);
    const broken = await post("multipart/form-data; boundary=xyz", "--abc\r\nnot a part\r\n");
    expect(broken.status).toBe(400);
    expect(broken.body).toContain("The form could not be read");
    const chunked = await raw(
      baseURL,
      `POST /sign-in HTTP/1.1\nHost: ${host(baseURL)}\nConnection: close\nContent-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\n`,
      "5\r\nemail\r\n0\r\n\r\n",
    );
    expectCalmPage(chunked, 411, /did not say how long/);
  });

  test("targets and hosts Remix cannot make a URL of, and methods the app does not answer", async ({ baseURL }) => {
    const get = (target: string, hostHeader = host(baseURL), method = "GET") => raw(baseURL, `${method} ${target} HTTP/1.1\nHost: ${hostHeader}\nConnection: close\n`);
    expectCalmPage(await get("/%"), 400, /could not be read/);
    expectCalmPage(await get("/train/%E0%A4%A"), 400, /could not be read/);
    expectCalmPage(await get("http://evil.example/sign-in"), 400, /could not be read/);
    expectCalmPage(await get("//evil.example/sign-in"), 400, /could not be read/);
    expectCalmPage(await get("/sign-in", "bad host"), 400, /could not be read/);
    expectCalmPage(await get("/sign-in", "evil.example/path"), 400, /could not be read/);
    const trace = await get("/", host(baseURL), "TRACE");
    expectCalmPage(trace, 405, /pages and forms only/);
    expect(trace.headers).toMatch(/\r\nallow: GET, HEAD, POST/i);
    expect((await get("*", host(baseURL), "OPTIONS")).status).toBeGreaterThanOrEqual(400);
    expect((await get("*", host(baseURL), "OPTIONS")).status).toBeLessThan(500);
    // The app still answers.
    expect((await get("/sign-in")).status).toBe(200);
  });

  test("a body larger than its route takes is refused before it is read, and other requests are not held up", async ({ baseURL, request }) => {
    // 50 MB declared; only the first 64 KB are ever sent. The answer comes anyway: the server never waited for the rest.
    const head = `POST /sign-in HTTP/1.1\nHost: ${host(baseURL)}\nConnection: close\nContent-Type: application/x-www-form-urlencoded\nContent-Length: ${50 * 1024 * 1024}\n`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => raw(baseURL, head, "email=" + "a".repeat(64 * 1024))));
    for (const answer of answers) expectCalmPage(answer, 413, /far more than it ever needs/);
    expect((await request.get("/sign-in")).status()).toBe(200);

    // A scenario's source is the one form allowed more (up to 1 MB, URL-encoded); beyond that, 413 too.
    const big = await raw(baseURL, head.replace("/sign-in", "/workspace/x/draft").replace(String(50 * 1024 * 1024), String(2 * 1024 * 1024)), "", { endAfterHead: true });
    expect(big.status).toBe(413);
  });
});

test.describe("signed-in pages are private", () => {
  test.use({ storageState: stateFile("manager") });

  test("pages, their data and exports say private, no-store", async ({ request }) => {
    for (const target of ["/team", "/team?_data=root", "/team/overview.csv", "/analytics/scenarios"]) {
      const response = await request.get(target);
      expect(response.status(), target).toBe(200);
      expect(response.headers()["cache-control"], target).toBe("private, no-store");
    }
  });
});

test("the CSV export quotes every field: a name with ; and a formula stays one cell of text", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: stateFile("admin") });
  const suffix = Date.now().toString(36);
  const name = `Zed;=1+2 ${suffix}`;
  const email = `zed-${suffix}@frontline.test`;
  const form = await (await admin.get("/admin/users/new")).text();
  const teamId = /<select[^>]*name="teamId"[^>]*>[\s\S]*?<option value="(\d+)"/.exec(form)?.[1];
  expect(teamId, "the new-person form offers a team").toBeDefined();
  const created = await admin.post("/admin/users/new", {
    form: { displayName: name, email, role: "trainee", teamId: teamId!, password: "a-long-enough-password-1" },
    headers: { Origin: originOf(baseURL) },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const csv = await (await admin.get("/team/overview.csv")).text();
  await admin.dispose();
  const line = csv.split("\n").find((row) => row.includes(email));
  expect(line, "the admin's overview lists every team's trainees").toBeDefined();
  expect(line!.trim()).toMatch(/^"[^"]*"(,"[^"]*")*$/);
  expect(line).toContain(`"${name}"`);
});

test("TRUST_PROXY=true is refused at start with the reason", async () => {
  const env = { ...process.env, TRUST_PROXY: "true", PORT: "0", DATABASE_PATH: ":memory:", REQUEST_LOG: "off" };
  const child = spawn(process.execPath, [path.join(root, "build", "server.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(1);
  expect(output).toContain('TRUST_PROXY: must not be "true"');
});
