import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "~/locales/en/workspace";

type Tab = "edit" | "preview" | "paths" | "history";

/** The workspace pages of one scenario, with the current one marked for screen readers. */
export function WorkspaceNav({ scenarioId, current }: { scenarioId: string; current: Tab }) {
  const { t } = useTranslation();
  const tabs: { tab: Tab; to: string; label: string }[] = [
    { tab: "edit", to: `/workspace/${scenarioId}`, label: t("workspace.library.edit") },
    { tab: "preview", to: `/workspace/${scenarioId}/preview`, label: t("workspace.editor.preview") },
    { tab: "paths", to: `/workspace/${scenarioId}/paths`, label: t("workspace.editor.paths") },
    { tab: "history", to: `/workspace/${scenarioId}/history`, label: t("workspace.editor.history") },
  ];
  return (
    <nav aria-label={t("workspace.nav.label")} className="workspace-tabs">
      {tabs.map(({ tab, to, label }) => (
        <Link key={tab} to={to} aria-current={tab === current ? "page" : undefined}>
          {label}
        </Link>
      ))}
      <a href={`/library/${scenarioId}/download?draft=1`} download>
        {t("workspace.editor.download")}
      </a>
    </nav>
  );
}

/** The top of every workspace page of one scenario: back to the library, the title, what the page is, and the tabs. */
export function WorkspaceHeader({ scenarioId, current, title, children }: { scenarioId: string; current: Tab; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="page-header stack">
      <p>
        <Link to="/library">← {t("trainer.title")}</Link>
      </p>
      <h1>{title}</h1>
      {children}
      <WorkspaceNav scenarioId={scenarioId} current={current} />
    </header>
  );
}
