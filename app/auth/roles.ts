// No zod here: the header imports this on every page; the role schema lives in ~/accounts/account-input.
import type { Role } from "~/domain/vocabulary";

export { ROLES, type Role } from "~/domain/vocabulary";

const HOME_BY_ROLE = {
  trainee: "/train",
  trainer: "/library",
  manager: "/team",
  admin: "/admin",
} as const satisfies Record<Role, string>;

export function homePathFor(role: Role): string {
  return HOME_BY_ROLE[role];
}
