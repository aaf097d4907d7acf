import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { findLtiCourse, listLtiCourses, moveCourseToTeam } from "./lti-course.server";
import { recordLaunchedPerson, type LaunchRecord } from "./lti-launch.server";
import { createTeam, listManagedTeams } from "./team.server";
import { findUserById } from "./user.server";

const course = (contextId: string, title: string) => ({ deploymentId: "d1", contextId, title });
const person = (subject: string, contextId: string, over: Partial<LaunchRecord> = {}): LaunchRecord => ({
  issuer: "https://lms.example.test",
  subject,
  displayName: subject,
  email: null,
  role: "trainee",
  course: course(contextId, contextId === "c-move" ? "Onboarding" : "Other course"),
  courseRoles: ["Learner"],
  managesCourse: false,
  ...over,
});

beforeAll(async () => {
  await useFreshDatabase();
});

describe("moving a course to another team", () => {
  it("takes the course's own learners and instructors along, leaves learners whose team is another course's, and later launches land there", async () => {
    const first = await recordLaunchedPerson(person("learner-a", "c-move"));
    const elsewhere = await recordLaunchedPerson(person("learner-b", "c-other"));
    await recordLaunchedPerson(person("learner-b", "c-move"));
    const teacher = await recordLaunchedPerson(person("teacher", "c-move", { role: "manager", courseRoles: ["Instructor"], managesCourse: true }));
    const desk = await createTeam("Support Desk");

    const [onboarding] = (await listLtiCourses()).filter((one) => one.title === "Onboarding");
    expect(onboarding).toMatchObject({ teamId: first.teamId, people: 3 });
    expect(await moveCourseToTeam(onboarding!.id, desk.id)).toBe(first.teamId);

    expect((await findUserById(first.userId))?.teamId).toBe(desk.id);
    expect((await findUserById(elsewhere.userId))?.teamId).toBe(elsewhere.teamId);
    expect((await listManagedTeams(teacher.userId)).map((team) => team.id)).toEqual([desk.id]);
    const later = await recordLaunchedPerson(person("learner-c", "c-move"));
    expect(later.teamId).toBe(desk.id);
    expect((await findUserById(later.userId))?.teamId).toBe(desk.id);
    expect(await findLtiCourse(onboarding!.id)).toMatchObject({ teamId: desk.id, teamName: "Support Desk", people: 4, title: "Onboarding" });
    expect(await findLtiCourse(999_999)).toBeUndefined();
  });

  it("changes nothing when the course already counts as that team, or is gone", async () => {
    const [one] = await listLtiCourses();
    expect(await moveCourseToTeam(one!.id, one!.teamId)).toBeNull();
    expect(await moveCourseToTeam(999_999, one!.teamId)).toBeNull();
  });
});
