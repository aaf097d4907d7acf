import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Every admin page opens the same way: the way back to the admin home, the title, and a line on what the page is for. */
export function AdminPageHeader({
  title,
  lead,
  backLabel,
  besideBack,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  /** The back link's words, when "People" is not the right name for where it leads. */
  backLabel?: string;
  /** More links on the back link's line. */
  besideBack?: ReactNode;
  /** More under the lead. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header className="page-header">
      <p>
        <Link to="/admin">← {backLabel ?? t("admin.peopleTitle")}</Link>
        {besideBack}
      </p>
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </header>
  );
}
