import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { startFakePlatform, type FakePlatform } from "../../e2e/fakes/lti-platform";
import { insertPlatform } from "~/models/lti-platform.server";
import { jwks } from "./keys.server";
import { AGS_SCOPES, serviceToken, ServiceTokenError } from "./service-token.server";

// Frontline's JWKS on a port of its own, where the fake platform checks the assertion's signature.
let tool: http.Server;
let platform: FakePlatform;
let platformId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  tool = http.createServer((_req, res) => void jwks().then((body) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body))));
  await new Promise<void>((resolve) => tool.listen(0, "127.0.0.1", resolve));
  platform = await startFakePlatform({ toolOrigin: `http://127.0.0.1:${(tool.address() as AddressInfo).port}`, clientId: "frontline" });
  platformId = await insertPlatform({ name: "Fake", issuer: platform.issuer, clientId: "frontline", authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, mapAdministrators: false, deploymentIds: ["d"] });
});
afterAll(async () => {
  await platform.close();
  await new Promise((resolve) => tool.close(resolve));
});

describe("serviceToken", () => {
  it("gets a token with a signed assertion the platform verifies, and reuses it while it is fresh", async () => {
    const token = await serviceToken(platformId, [AGS_SCOPES.score, AGS_SCOPES.lineItem]);
    expect(token).toMatch(/^at-/);
    expect(platform.refusals).toEqual([]);
    expect(platform.received.at(-1)?.body).toMatchObject({ grant_type: "client_credentials", scope: `${AGS_SCOPES.score} ${AGS_SCOPES.lineItem}` });
    expect(await serviceToken(platformId, [AGS_SCOPES.lineItem, AGS_SCOPES.score])).toBe(token);
    expect(platform.received.filter((request) => request.path === "/token")).toHaveLength(1);
  });

  it("names a platform that refuses the request", async () => {
    const other = await insertPlatform({ name: "Wrong client", issuer: platform.issuer, clientId: "not-registered-there", authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, mapAdministrators: false, deploymentIds: ["d"] });
    await expect(serviceToken(other, [AGS_SCOPES.score])).rejects.toThrow(ServiceTokenError);
    await expect(serviceToken(other, [AGS_SCOPES.score])).rejects.toThrow(/refused the token request \(400\)/);
  });
});
