import { useTranslation } from "react-i18next";

export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge ${active ? "badge--ok" : "badge--muted"}`}>{active ? t("admin.active") : t("admin.disabled")}</span>;
}
