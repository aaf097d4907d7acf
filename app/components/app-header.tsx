import { Form, Link, useLocation } from "@remix-run/react";
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
    | "nav.teams"
    | "nav.settings"
    | "nav.myTeam"
    | "nav.pathways"
    | "nav.assignments";
};

const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  trainee: [
    { to: "/train", label: "nav.train" },
    { to: "/train/progress", label: "nav.progress" },
    // Nav words are core copy: the header is on every page, the play page included, so it cannot load a feature's copy.
    { to: "/train/team", label: "nav.myTeam" },
    { to: "/guides", label: "nav.guides" },
    { to: "/train/settings", label: "nav.settings" },
  ],
  trainer: [
    { to: "/library", label: "nav.library" },
    // Trainers play the catalogue too, as trainees see it; their attempts count nowhere.
    { to: "/train", label: "nav.train" },
    { to: "/pathways", label: "nav.pathways" },
    { to: "/analytics/scenarios", label: "nav.scenarioAnalytics" },
    { to: "/guides", label: "nav.guides" },
  ],
  manager: [
    { to: "/team", label: "nav.team" },
    { to: "/team/assignments", label: "nav.assignments" },
    { to: "/team/outcomes", label: "nav.outcomes" },
    { to: "/analytics/scenarios", label: "nav.scenarioAnalytics" },
  ],
  admin: [
    { to: "/admin", label: "nav.admin" },
    { to: "/admin/teams", label: "nav.teams" },
    { to: "/team", label: "nav.team" },
    { to: "/team/assignments", label: "nav.assignments" },
    { to: "/pathways", label: "nav.pathways" },
    { to: "/team/outcomes", label: "nav.outcomes" },
    { to: "/analytics/scenarios", label: "nav.scenarioAnalytics" },
  ],
};

/** The nav item whose section holds `pathname`: the longest `to` that is the path or a parent of it. */
export function currentNavItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  return items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .reduce<NavItem | undefined>((best, item) => (best && best.to.length >= item.to.length ? best : item), undefined);
}

export function AppHeader({ user }: { user: { displayName: string; role: Role } | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = user ? currentNavItem(NAV_BY_ROLE[user.role], pathname) : undefined;
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
                <Link
                  key={item.to}
                  to={item.to}
                  className={item === current ? "app-nav__link active" : "app-nav__link"}
                  // The page itself, or a page inside this section (a brief, a guide, a person).
                  aria-current={item !== current ? undefined : pathname === item.to ? "page" : "true"}
                >
                  {t(item.label)}
                </Link>
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
