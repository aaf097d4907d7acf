import * as z from "zod";
import { getDb } from "#db/db.server";

/**
 * Courses (LTI contexts) and the Frontline team each counts as. A course gets a team of its own at its first launch; an
 * admin may point it at another team instead, so that a course's learners join the team their managers already lead.
 */

const CourseRow = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  context_id: z.string(),
  platform_name: z.string().nullable(),
  team_id: z.number().int(),
  team_name: z.string(),
  people: z.number().int(),
  last_launch_at: z.string().nullable(),
});
export type LtiCourse = {
  id: number;
  title: string | null;
  contextId: string;
  platformName: string | null;
  teamId: number;
  teamName: string;
  people: number;
  lastLaunchAt: string | null;
};

const SELECT_COURSES = `
  SELECT c.id, c.title, c.context_id, (SELECT min(p.name) FROM lti_platforms p WHERE p.issuer = c.issuer) AS platform_name,
         c.team_id, t.name AS team_name,
         (SELECT count(*) FROM lti_memberships m WHERE m.context_id = c.id) AS people,
         (SELECT max(m.last_launch_at) FROM lti_memberships m WHERE m.context_id = c.id) AS last_launch_at
    FROM lti_contexts c JOIN teams t ON t.id = c.team_id`;

const toCourse = (row: z.infer<typeof CourseRow>): LtiCourse => ({
  id: row.id,
  title: row.title,
  contextId: row.context_id,
  platformName: row.platform_name,
  teamId: row.team_id,
  teamName: row.team_name,
  people: row.people,
  lastLaunchAt: row.last_launch_at,
});

/** Every course, the most recently used first. */
export async function listLtiCourses(): Promise<LtiCourse[]> {
  const db = await getDb();
  const rows = await db.all(CourseRow, `${SELECT_COURSES} ORDER BY last_launch_at IS NULL, last_launch_at DESC, c.id DESC`);
  return rows.map(toCourse);
}

export async function findLtiCourse(id: number): Promise<LtiCourse | undefined> {
  const db = await getDb();
  const row = await db.get(CourseRow, `${SELECT_COURSES} WHERE c.id = ?`, [id]);
  return row && toCourse(row);
}

const TeamOf = z.object({ team_id: z.number().int() });

/**
 * Makes the course count as `teamId`, in one transaction: its learners whose own team was the course's (their first
 * course) move with it, and its instructors manage the new team instead of the old one where no other course keeps
 * them there. The old team stays (an admin removes it on Teams). Returns the old team's id, or null when the course is
 * gone or already counts as that team.
 */
export async function moveCourseToTeam(contextRowId: number, teamId: number): Promise<number | null> {
  const db = await getDb();
  return db.write(async (tx) => {
    const course = await tx.get(TeamOf, "SELECT team_id FROM lti_contexts WHERE id = ?", [contextRowId]);
    if (!course || course.team_id === teamId) return null;
    const old = course.team_id;
    await tx.run("UPDATE lti_contexts SET team_id = ? WHERE id = ?", [teamId, contextRowId]);
    await tx.run(
      `UPDATE users SET team_id = ? WHERE team_id = ? AND role = 'trainee'
          AND id IN (SELECT user_id FROM lti_memberships WHERE context_id = ?)`,
      [teamId, old, contextRowId],
    );
    await tx.run(
      `INSERT OR IGNORE INTO team_managers (team_id, manager_id)
         SELECT ?, tm.manager_id FROM team_managers tm
          WHERE tm.team_id = ? AND tm.manager_id IN (SELECT user_id FROM lti_memberships WHERE context_id = ?)`,
      [teamId, old, contextRowId],
    );
    await tx.run(
      `DELETE FROM team_managers WHERE team_id = ?
          AND manager_id IN (SELECT user_id FROM lti_memberships WHERE context_id = ?)
          AND manager_id NOT IN (SELECT m.user_id FROM lti_memberships m JOIN lti_contexts c ON c.id = m.context_id WHERE c.team_id = ?)`,
      [old, contextRowId, old],
    );
    return old;
  });
}
