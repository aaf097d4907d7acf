import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/auth/roles";

type NavItem = {
  to: string;
  label:
    | "nav.train"
    | "nav.progress"
    | "nav.guides"
    | "nav.library"
    | "nav.team"
    | "nav.outcomes"
    | "nav.scenarioAnalytics"
    | "nav.admin"
    | "nav.teams";
};

const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  trainee: [
    { to: "/train", label: "nav.train" },
    { to: "/train/progress", label: "nav.progress" },
    { to: "/guides", label: "nav.guides" },
  ],
  trainer: [
    { to: "/library", label: "nav.library" },
    { to: "/analytics/scenarios", label: "nav.scenarioAnalytics" },
    { to: "/guides", label: "nav.guides" },
  ],
  manager: [
    { to: "/team", label: "nav.team" },
    { to: "/team/outcomes", label: "nav.outcomes" },
    { to: "/analytics/scenarios", label: "nav.scenarioAnalytics" },
  ],
  admin: [
    { to: "/admin", label: "nav.admin" },
    { to: "/admin/teams", label: "nav.teams" },
    { to: "/team", label: "nav.team" },
    { to: "/team/outcomes", label: "nav.outcomes" },
    { to: "/analytics/scenarios", label: "nav.scenarioAnalytics" },
  ],
};

export function AppHeader({ user }: { user: { displayName: string; role: Role } | null }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true">
            F
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </a>
        {user ? (
          <>
            <nav aria-label={t("nav.main")} className="app-nav">
              {NAV_BY_ROLE[user.role].map((item) => (
                <NavLink key={item.to} to={item.to} end className="app-nav__link">
                  {t(item.label)}
                </NavLink>
              ))}
            </nav>
            <div className="app-header__user">
              <span className="app-header__name" title={t("nav.signedInAs", { name: user.displayName, role: t(`roles.${user.role}`) })}>
                {user.displayName} <span className="role-badge">{t(`roles.${user.role}`)}</span>
              </span>
              <Form method="post" action="/sign-out">
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
