import * as z from "zod";
import { findLtiCourse, listLtiCourses, moveCourseToTeam, type LtiCourse } from "~/models/lti-course.server";
import { findTeamById, listTeams, type Team } from "~/models/team.server";

/** The "Learning platforms" page's courses: which Frontline team each course counts as, and moving one to another. */

export type CoursesView = { courses: LtiCourse[]; teams: Team[] };

export async function coursesView(): Promise<CoursesView> {
  const [courses, teams] = await Promise.all([listLtiCourses(), listTeams()]);
  return { courses, teams };
}

const CourseForm = z.object({ courseId: z.coerce.number().int().positive(), teamId: z.coerce.number().int().positive() });

export type CourseMove = { status: "moved"; course: string; team: string; oldTeam: string } | { status: "unchanged" } | { status: "unknown" };

/** The course form's answer: "unknown" when the form, the course or the team is not one this page offered. */
export async function moveCourse(form: FormData): Promise<CourseMove> {
  const parsed = CourseForm.safeParse({ courseId: form.get("courseId"), teamId: form.get("teamId") });
  if (!parsed.success) return { status: "unknown" };
  const [course, team] = await Promise.all([findLtiCourse(parsed.data.courseId), findTeamById(parsed.data.teamId)]);
  if (!course || !team) return { status: "unknown" };
  const old = await moveCourseToTeam(course.id, team.id);
  if (old === null) return { status: "unchanged" };
  return { status: "moved", course: course.title ?? course.contextId, team: team.name, oldTeam: course.teamName };
}
