import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { useFreshDatabase } from "#db/test-database";
import { verifyPassword } from "~/auth/password.server";
import { findPasswordHash, findUserByEmail } from "~/models/user.server";

const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");

function users(args: string[], input?: string) {
  return spawnSync(tsx, [path.join(projectRoot, "app/cli/users.ts"), ...args], {
    input: input ?? "",
    encoding: "utf8",
    env: { ...process.env },
  });
}

beforeAll(async () => {
  await useFreshDatabase();
});

describe("users CLI", () => {
  it("adds a user with the password read from standard input", async () => {
    const result = users(["add", "--email", "Pat@Example.com", "--name", "Pat Lee", "--role", "trainee", "--team", "Night Shift"], "piped in passphrase\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const user = await findUserByEmail("pat@example.com");
    expect(user).toMatchObject({ displayName: "Pat Lee", role: "trainee", teamName: "Night Shift", active: true });
    const stored = await findPasswordHash("pat@example.com");
    expect(stored && (await verifyPassword("piped in passphrase", stored.hash))).toBe(true);
  });

  it("generates and prints a password when none is piped in", async () => {
    const result = users(["add", "--email", "first-admin@example.com", "--name", "First Admin", "--role", "admin"]);
    expect(result.status).toBe(0);
    const password = /Generated password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toBeDefined();
    const stored = await findPasswordHash("first-admin@example.com");
    expect(stored && (await verifyPassword(password ?? "", stored.hash))).toBe(true);
  });

  it("exits 2 naming the bad argument, and refuses a duplicate email", () => {
    const bad = users(["add", "--email", "pat@example.com", "--name", "Pat", "--role", "chief"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role/);
    const duplicate = users(["add", "--email", "PAT@example.com", "--name", "Pat", "--role", "trainee"], "another passphrase\n");
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toMatch(/already exists/);
  });

  it("refuses a short password from standard input and creates nothing", async () => {
    const result = users(["add", "--email", "short@example.com", "--name", "Short", "--role", "trainee"], "short\n");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/at least 12 characters/);
    expect(await findUserByEmail("short@example.com")).toBeUndefined();
  });
});
