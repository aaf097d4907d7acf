// A learning record store for the e2e tests, strict where xAPI 1.0.3 is: Basic auth with the one key it knows, the
// version header, a valid statement (Learning Locker's validator, as the app uses), a statementId that matches the
// body. A statement id it already holds is accepted again only with the same content (204), else 409. It can be
// switched down (503 to everything) and back.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as xapiValidation from "xapi-validation";

type Validate = (data: unknown) => { path: string[] }[];
const imported = (xapiValidation as unknown as { default: Validate | { default: Validate } }).default;
const validate: Validate = typeof imported === "function" ? imported : imported.default;

export type StoredStatement = { id: string; verb: { id: string }; object: { id: string }; result?: Record<string, unknown>; context?: { registration?: string } } & Record<string, unknown>;

export type FakeLrs = {
  /** The endpoint to configure in Frontline (statements go to `${endpoint}/statements`). */
  endpoint: string;
  username: string;
  secret: string;
  /** Statements stored, in the order they arrived (each id once). */
  statements(): StoredStatement[];
  /** Every request answered, with its status, for checking refusals. */
  requests(): { method: string; status: number; statementId: string | null }[];
  setDown(down: boolean): void;
  close(): Promise<void>;
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeLrs({ username = "frontline-key", secret = "lrs-secret-123" } = {}): Promise<FakeLrs> {
  const stored = new Map<string, { statement: StoredStatement; json: string }>();
  const log: { method: string; status: number; statementId: string | null }[] = [];
  let down = false;
  const expectedAuth = `Basic ${Buffer.from(`${username}:${secret}`).toString("base64")}`;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://lrs.invalid");
      const statementId = url.searchParams.get("statementId");
      const answer = (status: number, body = "") => {
        log.push({ method: request.method ?? "", status, statementId });
        response.writeHead(status, { "Content-Type": "text/plain", "X-Experience-API-Version": "1.0.3" }).end(body);
      };
      const text = await bodyOf(request);
      if (down) return answer(503, "down for maintenance");
      if (url.pathname !== "/xapi/statements") return answer(404, "no such resource");
      if (request.headers.authorization !== expectedAuth) return answer(401, "bad credentials");
      if (!/^1\.0(\.\d+)?$/.test(String(request.headers["x-experience-api-version"] ?? ""))) return answer(400, "X-Experience-API-Version missing");
      if (request.method !== "PUT" && request.method !== "POST") return answer(405, "PUT or POST");
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return answer(400, "not JSON");
      }
      const batch = (Array.isArray(body) ? body : [body]) as StoredStatement[];
      if (request.method === "PUT" && (batch.length !== 1 || batch[0]?.id !== statementId)) return answer(400, "statementId does not match the statement");
      for (const statement of batch) {
        const problems = validate(statement);
        if (problems.length > 0) return answer(400, `invalid statement: ${problems.map((p) => p.path.join(".")).join(", ")}`);
      }
      for (const statement of batch) {
        const json = JSON.stringify(statement);
        const earlier = stored.get(statement.id);
        if (earlier && earlier.json !== json) return answer(409, "a different statement has this id");
        if (!earlier) stored.set(statement.id, { statement, json });
      }
      return request.method === "PUT" ? answer(204) : answer(200, JSON.stringify(batch.map((statement) => statement.id)));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi`,
    username,
    secret,
    statements: () => [...stored.values()].map((entry) => entry.statement),
    requests: () => [...log],
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
