import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as z from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { projectRoot } from "#db/paths.server";
import { useFreshDatabase } from "#db/test-database";
import { MIN_AGENTS_FOR_BEFORE_AFTER, MIN_AGENTS_FOR_CORRELATION, MIN_TICKETS_PER_WINDOW } from "~/analytics/outcome-stats";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { listImports } from "~/models/outcome-import.server";
import { listTeams } from "~/models/team.server";
import { overallMasteryTimeline } from "~/outcomes/synthetic-helpdesk";

const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
const seedCli = path.join(projectRoot, "app/cli/seed.ts");
/** The outcomes page's milestone (overall mastery first at 70) and its default window either side. */
const MILESTONE = 70;
const WINDOW_MS = 28 * 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await useFreshDatabase();
});

const Score = z.number().nullable();
type Agent = { milestone: number | null; rated: number[] };

/** Per trainee: when overall mastery first reached the milestone, and the times of their rated tickets. */
async function agentsOfTeam(team: string): Promise<Agent[]> {
  const db = await getDb();
  const attempts = await db.all(
    z.object({ user_id: z.number(), ended_at: z.string(), listening: Score, empathy: Score, calm: Score, persuasion: Score, expectations: Score }),
    `SELECT a.user_id, a.ended_at, ${SKILLS.map((skill) => `a.${skill}`).join(", ")} FROM attempts a
       JOIN users u ON u.id = a.user_id JOIN teams t ON t.id = u.team_id
      WHERE t.name = ? AND a.status = 'completed'`,
    [team],
  );
  const tickets = await db.all(
    z.object({ user_id: z.number(), ticket_at: z.string() }),
    `SELECT h.user_id, h.ticket_at FROM helpdesk_tickets h JOIN users u ON u.id = h.user_id JOIN teams t ON t.id = u.team_id
      WHERE t.name = ? AND h.is_current = 1 AND h.rating IS NOT NULL`,
    [team],
  );
  const users = [...new Set(attempts.map((attempt) => attempt.user_id))];
  return users.map((userId) => {
    const timeline = overallMasteryTimeline(
      attempts
        .filter((attempt) => attempt.user_id === userId)
        .map((attempt) => ({ endedAt: attempt.ended_at, scores: Object.fromEntries(SKILLS.map((skill) => [skill, attempt[skill]])) as Record<Skill, number | null> })),
    );
    const milestone = timeline.find((point) => point.mastery !== null && point.mastery >= MILESTONE)?.at ?? null;
    return { milestone, rated: tickets.filter((ticket) => ticket.user_id === userId).map((ticket) => Date.parse(ticket.ticket_at)) };
  });
}

/** Enough rated tickets in both four-week windows around `centre` for the page to count the agent. */
const countable = (agent: Agent, centre: number) =>
  agent.rated.filter((at) => at >= centre - WINDOW_MS && at < centre).length >= MIN_TICKETS_PER_WINDOW &&
  agent.rated.filter((at) => at >= centre && at < centre + WINDOW_MS).length >= MIN_TICKETS_PER_WINDOW;

describe("db:seed", () => {
  it("refuses to create synthetic accounts in production and leaves the database alone", async () => {
    const result = spawnSync(tsx, [seedCli, "--trainees", "2", "--attempts", "1", "--teams", "1"], {
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("refuses to run with NODE_ENV=production");
    expect(await listTeams()).toEqual([]);
  });

  // One team the size of the default's (1,000 trainees in 20 teams): a manager sees only their team,
  // so each team needs every sample size the outcomes page asks for before it gives a reading.
  it("gives one team's manager helpdesk outcomes enough for every reading of the outcomes page", { timeout: 300_000 }, async () => {
    const result = spawnSync(tsx, [seedCli, "--trainees", "50", "--attempts", "50", "--teams", "1", "--seed", "7"], { encoding: "utf8", env: process.env });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/imported \d+ helpdesk tickets/);
    const [record] = await listImports(null);
    expect(record).toMatchObject({ source: "synthetic-helpdesk", status: "committed", rows_refused: 0, agents_matched: 50, agents_unknown: 1 });
    expect(fs.existsSync(path.join(path.dirname(process.env.DATABASE_PATH!), "synthetic-helpdesk-export.csv"))).toBe(true);

    const agents = await agentsOfTeam("Synthetic team 01");
    expect(agents.filter((agent) => agent.rated.length > 0).length).toBeGreaterThanOrEqual(MIN_AGENTS_FOR_CORRELATION);
    const trained = agents.filter((agent) => agent.milestone !== null);
    expect(trained.filter((agent) => countable(agent, agent.milestone!)).length).toBeGreaterThanOrEqual(MIN_AGENTS_FOR_BEFORE_AFTER);
    // The control group is measured around the trained agents' median milestone.
    const milestones = trained.map((agent) => agent.milestone!).sort((a, b) => a - b);
    const centre = milestones[Math.floor(milestones.length / 2)]!;
    const control = agents.filter((agent) => agent.milestone === null);
    expect(control.filter((agent) => countable(agent, centre)).length).toBeGreaterThanOrEqual(MIN_AGENTS_FOR_BEFORE_AFTER);
  });
});
