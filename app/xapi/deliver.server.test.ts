import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import type { Delivery, DeliveryError } from "~/outbox/registry.server";
import { deliverStatement } from "./deliver.server";
import { saveLrsForm } from "./settings.server";

let server: Server;
let endpoint = "";
let answer = 204;
const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  await useFreshDatabase();
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.writeHead(answer, { "Content-Type": "text/plain" }).end(answer >= 400 ? "statement refused: bad verb" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const statement = { id: "9342d47a-1bab-5709-9869-c840b2eac501", verb: { id: "http://adlnet.gov/expapi/verbs/launched" } };
const delivery: Delivery = { id: 1, kind: "xapi-statement", destination: "lrs", ordering_key: "k", attempts: 0, payload: statement };
const send = () => deliverStatement(delivery, { signal: AbortSignal.timeout(2_000) });
const lrs = (enabled: boolean, at = endpoint) => saveLrsForm({ enabled, endpoint: at, username: "key", secret: "s3cret", activityBase: "https://f.example.com" }, null);
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as DeliveryError);

describe("deliverStatement", () => {
  it("PUTs the statement under its id with the xAPI version and Basic auth", async () => {
    await lrs(true);
    answer = 204;
    await send();
    const request = seen.at(-1)!;
    expect([request.method, request.url]).toEqual(["PUT", `/xapi/statements?statementId=${statement.id}`]);
    expect(request.headers["x-experience-api-version"]).toBe("1.0.3");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("key:s3cret").toString("base64")}`);
    expect(JSON.parse(request.body)).toEqual(statement);
  });

  it("takes a 409 (the LRS already holds that id) as delivered", async () => {
    answer = 409;
    await expect(send()).resolves.toBeUndefined();
  });

  it("fails for good on a refused statement, and for now on refused credentials or a server error", async () => {
    answer = 400;
    const bad = await refusal(send());
    expect([bad?.permanent, bad?.message]).toEqual([true, "The LRS answered 400 Bad Request: statement refused: bad verb"]);
    for (const status of [401, 503]) {
      answer = status;
      expect((await refusal(send()))?.permanent).toBe(false);
    }
  });

  it("says why an LRS could not be reached, and waits while none is switched on", async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await lrs(true, `http://127.0.0.1:${port}/xapi`);
    expect((await refusal(send()))?.message).toBe(`Could not reach the LRS at http://127.0.0.1:${port}/xapi (ECONNREFUSED)`);
    await lrs(false);
    const off = await refusal(send());
    expect([off?.permanent, off?.message]).toEqual([false, "No LRS is switched on: the statement waits until one is."]);
  });
});
