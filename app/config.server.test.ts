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
    expect(readConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), LTI_KEY_SECRET: "y".repeat(32) }).production).toBe(true);
  });

  it("requires a real LTI_KEY_SECRET in production, and has a fixed development one elsewhere", () => {
    expect(() => readConfig(env({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }))).toThrow(/LTI_KEY_SECRET/);
    expect(() => readConfig(env({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), LTI_KEY_SECRET: "short" }))).toThrow(/LTI_KEY_SECRET/);
    expect(readConfig(env({})).ltiKeySecret).toBe(readConfig(env({})).ltiKeySecret);
    expect(readConfig(env({ LTI_KEY_SECRET: "z".repeat(40) })).ltiKeySecret).toBe("z".repeat(40));
  });

  it("names a bad PORT", () => {
    expect(() => readConfig(env({ PORT: "eighty" }))).toThrow(/PORT/);
    expect(readConfig(env({ PORT: "8080" })).port).toBe(8080);
  });

  it("refuses TRUST_PROXY=true, which lets any client pick its own address, and takes a hop count or addresses", () => {
    expect(() => readConfig(env({ TRUST_PROXY: "true" }))).toThrow(/TRUST_PROXY: must not be "true"/);
    expect(() => readConfig(env({ TRUST_PROXY: " TRUE " }))).toThrow(/TRUST_PROXY/);
    expect(readConfig(env({ TRUST_PROXY: "1" })).trustProxy).toBe("1");
    expect(readConfig(env({ TRUST_PROXY: "loopback, 10.0.0.1" })).trustProxy).toBe("loopback, 10.0.0.1");
  });

  it("serves with one worker per core unless WEB_CONCURRENCY says otherwise, and names a bad one", () => {
    expect(readConfig(env({})).workers).toBeGreaterThanOrEqual(1);
    expect(readConfig(env({ WEB_CONCURRENCY: "3" })).workers).toBe(3);
    expect(() => readConfig(env({ WEB_CONCURRENCY: "0" }))).toThrow(/WEB_CONCURRENCY/);
    expect(() => readConfig(env({ WEB_CONCURRENCY: "many" }))).toThrow(/WEB_CONCURRENCY/);
  });
});
