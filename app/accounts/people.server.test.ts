import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { findUserByEmail } from "~/models/user.server";
import { createAccount } from "./accounts.server";
import { addPerson, editPerson, personOr404, setPersonActive } from "./people.server";
import { assignTeamManagers, createNamedTeam, teamsWithManagers } from "./teams.server";

// A valid hash shape is not needed: these tests never sign in.
const HASH = "scrypt$unused";
let adminId = 0;
let teamId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  adminId = await createAccount({ email: "boss@example.test", displayName: "Boss", role: "admin", teamId: null, password: "" }, HASH);
  const created = await createNamedTeam("Front desk");
  if (!created.ok) throw new Error("team not created");
  teamId = created.team.id;
});

describe("people use cases", () => {
  it("refuses an admin's own demotion and disabling, and changes nothing", async () => {
    const admin = await personOr404(adminId);
    expect(await editPerson(admin, adminId, { role: "trainee", displayName: "Boss", managedTeamIds: [], teamShown: false, managedTeamsShown: false })).toEqual({
      ok: false,
      problem: "demote-self",
    });
    expect(await setPersonActive(admin, adminId, false)).toEqual({ ok: false, problem: "disable-self" });
    expect(await personOr404(adminId)).toMatchObject({ role: "admin", active: true });
  });

  it("adds a trainee to a known team and refuses an unknown team or a taken email", async () => {
    const person = { email: "new@example.test", displayName: "New Hire", role: "trainee" as const, password: "a long enough password" };
    expect(await addPerson({ ...person, teamId: teamId + 99 })).toEqual({ ok: false, problem: "unknown-team" });
    expect(await addPerson({ ...person, teamId })).toEqual({ ok: true });
    expect((await findUserByEmail(person.email))?.teamId).toBe(teamId);
    expect(await addPerson({ ...person, teamId })).toEqual({ ok: false, problem: "email-taken" });
  });

  it("keeps a trainee's team when the form did not show the team select", async () => {
    const trainee = (await findUserByEmail("new@example.test"))!;
    expect(await editPerson(trainee, adminId, { role: "trainee", displayName: "Renamed", managedTeamIds: [], teamShown: false, managedTeamsShown: false })).toEqual({ ok: true });
    expect(await personOr404(trainee.id)).toMatchObject({ displayName: "Renamed", teamId });
  });

  it("answers 404 for an id that names no one", async () => {
    await expect(personOr404(987654)).rejects.toMatchObject({ status: 404 });
  });
});

describe("team use cases", () => {
  it("refuses a second team with the same name and managers for a missing team", async () => {
    expect(await createNamedTeam("Front desk")).toEqual({ ok: false, problem: "name-taken" });
    expect(await assignTeamManagers(teamId + 99, [])).toBe(false);
  });

  it("lists each team with its managers", async () => {
    const managerId = await createAccount({ email: "lead@example.test", displayName: "Lead", role: "manager", teamId: null, password: "" }, HASH);
    expect(await assignTeamManagers(teamId, [managerId])).toBe(true);
    const { teams, managers } = await teamsWithManagers();
    expect(teams.find((team) => team.id === teamId)?.managerIds).toEqual([managerId]);
    expect(managers).toEqual([{ id: managerId, displayName: "Lead", active: true }]);
  });
});
