import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.server";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("readConfig", () => {
  it("has working defaults outside production", () => {
    const config = readConfig(env({}));
    expect(config).toMatchObject({ production: false, port: 3000, frameAncestors: "'self'", requestLog: "on" });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("requires a real SESSION_SECRET in production", () => {
    expect(() => readConfig(env({ NODE_ENV: "production" }))).toThrow(ConfigError);
    expect(() => readConfig(env({ NODE_ENV: "production", SESSION_SECRET: "short" }))).toThrow(/SESSION_SECRET/);
    expect(readConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).production).toBe(true);
  });

  it("names a bad PORT", () => {
    expect(() => readConfig(env({ PORT: "eighty" }))).toThrow(/PORT/);
    expect(readConfig(env({ PORT: "8080" })).port).toBe(8080);
  });
});
