import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The head of each import page: the way back, the title, and what the page is for. */
export function ImportPageHeader({ back, title, lead, children }: { back: { to: string; label: string }; title: string; lead?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </header>
  );
}
