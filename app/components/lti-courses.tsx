import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CoursesView } from "~/lti/courses.server";
import { formatDate } from "~/utils/dates";
import "~/locales/en/lti";

/** The courses launches brought, each with the Frontline team it counts as and a form to point it at another. */
export function LtiCourses({ view }: { view: CoursesView }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="stack" aria-labelledby="courses-title">
      <h2 id="courses-title">{t("lti.courses.title")}</h2>
      <p>{t("lti.courses.intro")}</p>
      {view.courses.length === 0 ? (
        <p className="notice notice--info">{t("lti.courses.none")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">{t("lti.courses.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("lti.courses.course")}</th>
                <th scope="col">{t("lti.courses.people")}</th>
                <th scope="col">{t("lti.courses.lastLaunch")}</th>
                <th scope="col">{t("lti.courses.team")}</th>
              </tr>
            </thead>
            <tbody>
              {view.courses.map((course) => {
                const name = course.title ?? course.contextId;
                return (
                  <tr key={course.id}>
                    <th scope="row" data-label={t("lti.courses.course")}>
                      {name}
                      {course.platformName ? <span className="muted"> · {course.platformName}</span> : null}
                    </th>
                    <td data-label={t("lti.courses.people")}>{course.people}</td>
                    <td data-label={t("lti.courses.lastLaunch")}>{course.lastLaunchAt ? formatDate(course.lastLaunchAt, i18n.language) : "—"}</td>
                    <td data-label={t("lti.courses.team")}>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="course-team" />
                        <input type="hidden" name="courseId" value={course.id} />
                        <label htmlFor={`course-team-${course.id}`} className="visually-hidden">
                          {t("lti.courses.teamFor", { course: name })}
                        </label>
                        <select id={`course-team-${course.id}`} name="teamId" defaultValue={course.teamId}>
                          {view.teams.map((team) => (
                            <option key={team.id} value={team.id}>
                              {team.name}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button" aria-label={t("lti.courses.saveFor", { course: name })}>
                          {t("lti.courses.save")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
