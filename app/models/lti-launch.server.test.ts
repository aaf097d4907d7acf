import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { sweepLti } from "~/lti/housekeeping.server";
import { claimLaunchState, insertLaunchState } from "./lti-launch-state.server";
import { recordLaunchedPerson, type LaunchRecord } from "./lti-launch.server";
import { insertPlatform } from "./lti-platform.server";
import { findUserById } from "./user.server";

const ISSUER = "https://lms.example.test";
const course = (contextId: string, title: string) => ({ deploymentId: "d1", contextId, title });
const learner = (over: Partial<LaunchRecord> = {}): LaunchRecord => ({
  issuer: ISSUER,
  subject: "s-1",
  displayName: "Lee",
  email: null,
  role: "trainee",
  course: course("c-1", "Customer care"),
  courseRoles: ["Learner"],
  managesCourse: false,
  ...over,
});

beforeAll(async () => {
  await useFreshDatabase();
});

describe("recordLaunchedPerson", () => {
  it("makes a person without email or password, and a team for the course, once", async () => {
    const first = await recordLaunchedPerson(learner());
    const again = await recordLaunchedPerson(learner({ displayName: "Lee Renamed" }));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ userId: first.userId, created: false, teamId: first.teamId });
    expect(await findUserById(first.userId)).toMatchObject({ email: null, displayName: "Lee Renamed", role: "trainee", teamId: first.teamId, teamName: "Customer care" });
  });

  it("never joins a launch to an existing account by email, and keeps the email off the new one", async () => {
    const existing = await createAccount({ email: "taken@example.test", displayName: "Owner", role: "admin", teamId: null, password: "a good long password" });
    const launched = await recordLaunchedPerson(learner({ subject: "s-evil", email: "taken@example.test" }));
    expect(launched.userId).not.toBe(existing);
    expect(await findUserById(launched.userId)).toMatchObject({ email: null, role: "trainee" });
    expect(await findUserById(existing)).toMatchObject({ role: "admin", email: "taken@example.test" });
  });

  it("keeps one history across courses: the first course is the team, later ones are memberships", async () => {
    const first = await recordLaunchedPerson(learner({ subject: "s-2" }));
    const second = await recordLaunchedPerson(learner({ subject: "s-2", course: course("c-2", "Customer care") }));
    expect(second.userId).toBe(first.userId);
    expect(second.teamId).not.toBe(first.teamId);
    expect((await findUserById(first.userId))?.teamId).toBe(first.teamId);
    const db = await getDb();
    const memberships = await db.all(z.object({ context_id: z.number() }), "SELECT context_id FROM lti_memberships WHERE user_id = ?", [first.userId]);
    expect(memberships).toHaveLength(2);
    // A second course with a taken title gets a team name of its own.
    const team = await db.get(z.object({ name: z.string() }), "SELECT name FROM teams WHERE id = ?", [second.teamId]);
    expect(team?.name).toBe("Customer care (2)");
  });

  it("makes an instructor the manager of the course's team, and a later learner launch does not lower the role", async () => {
    const taught = await recordLaunchedPerson(learner({ subject: "t-1", role: "manager", managesCourse: true, courseRoles: ["Instructor"] }));
    expect(await findUserById(taught.userId)).toMatchObject({ role: "manager", teamName: "Customer care" });
    await recordLaunchedPerson(learner({ subject: "t-1", course: course("c-9", "Other course") }));
    expect((await findUserById(taught.userId))?.role).toBe("manager");
  });
});

describe("launch states", () => {
  it("are claimed once, and swept when expired", async () => {
    const platformId = await insertPlatform({ name: "P", issuer: ISSUER, clientId: "c", authUrl: "https://x/a", tokenUrl: "https://x/t", jwksUrl: "https://x/j", mapAdministrators: false, deploymentIds: ["d1"] });
    const now = new Date();
    await insertLaunchState({ state: "s1", nonce: "n1", platformId, expiresAt: new Date(now.getTime() + 60_000) });
    expect(await claimLaunchState("s1", now)).toEqual({ status: "claimed", nonce: "n1", platformId });
    expect(await claimLaunchState("s1", now)).toEqual({ status: "used" });
    await sweepLti(new Date(now.getTime() + 120_000));
    expect(await claimLaunchState("s1", now)).toEqual({ status: "unknown" });
  });
});
