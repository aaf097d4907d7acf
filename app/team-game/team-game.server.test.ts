import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { parseTeamGameForm, readHideNameForm } from "./forms.server";
import { chooseLeaderboardName, leaderboardNameChoice, setTeamGameSettings, teamGameSettingsByTeam, teamGoalOf, teamPage, weekOf } from "./team-game.server";

// ISO week 2026-W03 runs from Monday 12 January to Sunday 18 January (UTC).
const MONDAY = "2026-01-12";
const NOW = new Date("2026-01-14T12:00:00Z");

let teamId = 0;
let otherTeamId = 0;

async function person(name: string, role: "trainee" | "trainer" = "trainee", team: number | null = teamId): Promise<number> {
  const email = `${name.toLowerCase().replace(/\W/g, "")}@example.test`;
  return createAccount({ email, displayName: name, role, teamId: team, password: "" }, "scrypt$unused");
}

async function attempt(userId: number, endedAt: string | null, status: "completed" | "abandoned" | "in-progress" = "completed"): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => {
    await tx.run("INSERT OR IGNORE INTO scenario_versions (hash, scenario_id, title, compiled, created_at) VALUES ('h1', 's1', 'S', '{}', ?)", [MONDAY]);
    const ended = status === "in-progress" ? null : endedAt;
    const { lastID } = await tx.run(
      `INSERT INTO attempts (user_id, scenario_id, scenario_hash, status, turns, step_shown_at, started_at, ended_at)
       VALUES (?, 's1', 'h1', ?, 3, ?, ?, ?)`,
      [userId, status, endedAt ?? NOW.toISOString(), endedAt ?? NOW.toISOString(), ended],
    );
    return lastID;
  });
}

async function award(userId: number, day: string, xp: number): Promise<void> {
  const attemptId = await attempt(userId, `${day}T10:00:00.000Z`);
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO attempt_awards (attempt_id, user_id, day, xp, lines, badges, levels) VALUES (?, ?, ?, ?, '[]', '[]', '[]')", [attemptId, userId, day, xp]),
  );
}

beforeEach(async () => {
  await useFreshDatabase();
  teamId = (await findOrCreateTeam("Harbour")).id;
  otherTeamId = (await findOrCreateTeam("Orchard")).id;
});

describe("the team's weekly goal", () => {
  it("is off by default, and so is the leaderboard", async () => {
    expect(await teamGameSettingsByTeam()).toEqual({});
    expect(await teamGoalOf(teamId, NOW)).toBeNull();
    expect(await teamGoalOf(null, NOW)).toBeNull();
  });

  it("counts the team's finished conversations in the ISO week, in UTC", async () => {
    const ana = await person("Ana");
    const bo = await person("Bo");
    await setTeamGameSettings(teamId, { leaderboard: false, weeklyGoal: 5 });
    await attempt(ana, "2026-01-11T23:59:59.999Z"); // Sunday of the week before
    await attempt(ana, "2026-01-12T00:00:00.000Z"); // the first moment of the week
    await attempt(bo, "2026-01-14T09:00:00.000Z");
    await attempt(bo, "2026-01-18T23:59:59.999Z"); // the last moment of the week
    await attempt(bo, "2026-01-19T00:00:00.000Z"); // next Monday
    expect(await teamGoalOf(teamId, NOW)).toEqual({ goal: 5, finished: 3, monday: MONDAY, sunday: "2026-01-18" });
    // Late on Sunday in UTC is still this week, wherever the server's clock is.
    expect((await teamGoalOf(teamId, new Date("2026-01-18T23:59:00Z")))?.finished).toBe(3);
    expect((await teamGoalOf(teamId, new Date("2026-01-19T00:00:00Z")))?.finished).toBe(1);
  });

  it("leaves out abandoned and unfinished attempts, other teams and other roles", async () => {
    const ana = await person("Ana");
    const stranger = await person("Cy", "trainee", otherTeamId);
    const trainer = await person("Tess Trainer", "trainer", null);
    await setTeamGameSettings(teamId, { leaderboard: false, weeklyGoal: 2 });
    await attempt(ana, "2026-01-13T10:00:00.000Z");
    await attempt(ana, "2026-01-13T11:00:00.000Z", "abandoned");
    await attempt(ana, "2026-01-13T12:00:00.000Z", "in-progress");
    await attempt(stranger, "2026-01-13T10:00:00.000Z");
    await attempt(trainer, "2026-01-13T10:00:00.000Z");
    expect((await teamGoalOf(teamId, NOW))?.finished).toBe(1);
  });

  it("is refused for a team that does not exist", async () => {
    expect(await setTeamGameSettings(9999, { leaderboard: true, weeklyGoal: 3 })).toBe(false);
    expect(await teamGameSettingsByTeam()).toEqual({});
  });
});

describe("the trainee's team page", () => {
  it("has a friendly empty state without a team", async () => {
    const loner = await person("Lou", "trainee", null);
    expect(await teamPage({ id: loner, teamId: null }, NOW)).toEqual({ team: null });
  });

  it("says nothing about anyone's XP while the leaderboard is off", async () => {
    const ana = await person("Ana");
    const bo = await person("Bo");
    await award(bo, "2026-01-13", 80);
    const page = await teamPage({ id: ana, teamId }, NOW);
    expect(page).toEqual({ team: { name: "Harbour" }, week: { monday: MONDAY, sunday: "2026-01-18" }, finished: 1, goal: null, leaderboard: null });
    expect(JSON.stringify(page)).not.toContain("Bo");
    expect(JSON.stringify(page)).not.toContain("80");
  });

  it("ranks this week's XP within the team, hiding the names of those who chose to", async () => {
    const ana = await person("Ana");
    const bo = await person("Bo");
    const cy = await person("Cy");
    const gone = await person("Dee");
    const outsider = await person("Eve", "trainee", otherTeamId);
    await setTeamGameSettings(teamId, { leaderboard: true, weeklyGoal: 10 });
    await chooseLeaderboardName(bo, true);
    await award(ana, "2026-01-12", 30);
    await award(bo, "2026-01-13", 50);
    await award(bo, "2026-01-18", 20);
    await award(bo, "2026-01-11", 500); // last week
    await award(cy, "2026-01-19", 500); // next week
    await award(outsider, "2026-01-13", 900);
    await award(gone, "2026-01-13", 10);
    const db = await getDb();
    await db.write((tx) => tx.run("UPDATE users SET active = 0 WHERE id = ?", [gone]));

    const page = await teamPage({ id: ana, teamId }, NOW);
    if (!page.team) throw new Error("Ana has a team");
    expect(page.goal).toBe(10);
    expect(page.leaderboard).toEqual([
      { rank: 1, who: { kind: "hidden" }, xp: 70 },
      { rank: 2, who: { kind: "you" }, xp: 30 },
      { rank: 3, who: { kind: "named", name: "Cy" }, xp: 0 },
    ]);
    expect(JSON.stringify(page)).not.toContain("Bo");
    // Bo sees their own row as theirs.
    const bos = await teamPage({ id: bo, teamId }, NOW);
    expect(bos.team && bos.leaderboard?.[0]).toEqual({ rank: 1, who: { kind: "you" }, xp: 70 });
  });
});

describe("hiding one's name", () => {
  it("is off until chosen, and says whether the team's leaderboard is on", async () => {
    const ana = await person("Ana");
    expect(await leaderboardNameChoice({ id: ana, teamId })).toEqual({ hidden: false, leaderboardOn: false });
    await chooseLeaderboardName(ana, true);
    await setTeamGameSettings(teamId, { leaderboard: true, weeklyGoal: null });
    expect(await leaderboardNameChoice({ id: ana, teamId })).toEqual({ hidden: true, leaderboardOn: true });
    await chooseLeaderboardName(ana, false);
    expect(await leaderboardNameChoice({ id: ana, teamId: null })).toEqual({ hidden: false, leaderboardOn: null });
  });

  it("reads an unticked box as shown", () => {
    const data = new FormData();
    expect(readHideNameForm(data)).toBe(false);
    data.set("hidden", "on");
    expect(readHideNameForm(data)).toBe(true);
  });
});

describe("the admin's team game form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return parseTeamGameForm(data);
  };

  it("reads the leaderboard box and an optional goal", () => {
    expect(form({ teamId: "4", weeklyGoal: " 12 ", leaderboard: "on" })).toEqual({ ok: true, teamId: 4, settings: { leaderboard: true, weeklyGoal: 12 } });
    expect(form({ teamId: "4", weeklyGoal: "" })).toEqual({ ok: true, teamId: 4, settings: { leaderboard: false, weeklyGoal: null } });
    expect(form({ teamId: "4" })).toEqual({ ok: true, teamId: 4, settings: { leaderboard: false, weeklyGoal: null } });
  });

  it("hands back what was typed when the goal is not a whole number from 1 to 10,000", () => {
    for (const goal of ["0", "10001", "2.5", "-3", "ten", "1e3"]) {
      expect(form({ teamId: "4", weeklyGoal: goal, leaderboard: "on" })).toEqual({ ok: false, teamId: 4, leaderboard: true, goal });
    }
    expect(form({ teamId: "4", weeklyGoal: "10000" })).toMatchObject({ ok: true, settings: { weeklyGoal: 10_000 } });
  });

  it("refuses a post that names no team", () => {
    expect(form({ teamId: "x", weeklyGoal: "3" })).toBeNull();
    expect(form({ weeklyGoal: "3" })).toBeNull();
  });

  it("gives the week of a time in UTC", () => {
    expect(weekOf(new Date("2026-01-18T23:59:59Z"))).toEqual({ monday: MONDAY, sunday: "2026-01-18" });
    expect(weekOf(new Date("2026-01-19T00:00:00Z"))).toEqual({ monday: "2026-01-19", sunday: "2026-01-25" });
  });
});
