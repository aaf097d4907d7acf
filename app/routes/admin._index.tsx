import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { StatusBadge } from "~/components/status-badge";
import { pageTitle } from "~/i18n/meta";
import { listPeople } from "~/accounts/people.server";
import "~/locales/en/api-tokens";
import "~/locales/en/certificates";
import "~/locales/en/grading";
import "~/locales/en/lti";
import "~/locales/en/team-game";
import "~/locales/en/workspace";
import "~/locales/en/xapi";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.admin"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const users = await listPeople();
  return json({ users });
}

export default function AdminPeople() {
  const { t } = useTranslation();
  const { users } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const created = searchParams.get("created");
  return (
    <div className="stack-lg">
      <header className="page-header page-header--row">
        <div>
          <h1>{t("admin.peopleTitle")}</h1>
          <p className="lead">{t("admin.peopleIntro")}</p>
        </div>
        <div className="actions">
          <Link to="/admin/users/new" className="button button--primary">
            {t("admin.addPerson")}
          </Link>
          <Link to="/admin/api-tokens" className="button">
            {t("apiTokens.linkFromAdmin")}
          </Link>
          <Link to="/admin/platforms" className="button">
            {t("lti.admin.linkFromAdmin")}
          </Link>
          <Link to="/admin/certification" className="button">
            {t("certificates.admin.linkFromAdmin")}
          </Link>
          <Link to="/admin/game" className="button">
            {t("teamGame.settings.linkFromAdmin")}
          </Link>
          <Link to="/admin/grading" className="button">
            {t("grading.linkFromAdmin")}
          </Link>
          <Link to="/admin/workspace-log" className="button">
            {t("workspace.library.logLink")}
          </Link>
          <Link to="/admin/lrs" className="button">
            {t("xapi.lrs.linkFromAdmin")}
          </Link>
          <Link to="/admin/outbox" className="button">
            {t("xapi.outbox.linkFromAdmin")}
          </Link>
        </div>
      </header>
      {created ? (
        <p className="notice notice--ok" role="status">
          {t("admin.created", { name: created })}
        </p>
      ) : null}
      <div className="card table-wrap">
        <table className="table--stack">
          <caption className="visually-hidden">{t("admin.peopleTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.email")}</th>
              <th scope="col">{t("admin.role")}</th>
              <th scope="col">{t("admin.team")}</th>
              <th scope="col">{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td data-label={t("admin.name")}>
                  <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
                </td>
                <td data-label={t("admin.email")}>{user.email}</td>
                <td data-label={t("admin.role")}>{t(`roles.${user.role}`)}</td>
                <td data-label={t("admin.team")}>{user.teamName ?? <span className="muted">—</span>}</td>
                <td data-label={t("admin.status")}>
                  <StatusBadge active={user.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
