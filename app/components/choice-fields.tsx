import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ROLES } from "~/auth/roles";
import { FieldError } from "./form-errors";

type Team = { id: number; name: string };

export function RoleSelect({ field }: { field: FieldMetadata<string> }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{t("admin.role")}</label>
      <select {...getSelectProps(field)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TeamSelect({ field, teams, hint }: { field: FieldMetadata<number | undefined>; teams: Team[]; hint: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={field.id}>{t("admin.team")}</label>
      <select {...getSelectProps(field)} aria-describedby={`${field.id}-hint ${field.errorId}`}>
        <option value="">{t("admin.noTeam")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <p className="hint" id={`${field.id}-hint`}>
        {hint}
      </p>
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}
