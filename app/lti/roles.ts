import type { Role } from "~/domain/vocabulary";

/**
 * LTI roles to Frontline's one role per person. Learner → trainee; ContentDeveloper → trainer; Instructor → manager of
 * the course's team (so they see their learners' scores; managers also see scenario analytics); Administrator → admin,
 * only where the platform's registration opts in. Both full role URIs and the short names some platforms still send are
 * read; sub-roles (membership/Instructor#TeachingAssistant) count as their principal role.
 */

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const ADMIN_URIS = new Set([
  `${MEMBERSHIP}#Administrator`,
  "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
  "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
  "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin",
]);

/** The principal context role a role string names: "Instructor" for both `…membership#Instructor` and `Instructor`. */
function principal(role: string): string | null {
  if (!role.includes("/")) return role;
  if (role.startsWith(`${MEMBERSHIP}#`)) return role.slice(MEMBERSHIP.length + 1);
  if (role.startsWith(`${MEMBERSHIP}/`)) return role.slice(MEMBERSHIP.length + 1).split("#")[0] ?? null;
  return null;
}

export type MappedRoles = { role: Role; instructor: boolean };

export function mapLtiRoles(roles: readonly string[], { mapAdministrators }: { mapAdministrators: boolean }): MappedRoles | null {
  const principals = new Set(roles.map(principal));
  const instructor = principals.has("Instructor");
  if (mapAdministrators && (roles.some((role) => ADMIN_URIS.has(role)) || principals.has("Administrator"))) return { role: "admin", instructor };
  if (instructor) return { role: "manager", instructor };
  if (principals.has("ContentDeveloper")) return { role: "trainer", instructor: false };
  if (principals.has("Learner")) return { role: "trainee", instructor: false };
  return null;
}
