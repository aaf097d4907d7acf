// No zod here: the header imports this on every page; the Role schema lives in ~/accounts/account-input.
export const ROLES = ["trainee", "trainer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

const HOME_BY_ROLE = {
  trainee: "/train",
  trainer: "/library",
  manager: "/team",
  admin: "/admin",
} as const satisfies Record<Role, string>;

export function homePathFor(role: Role): string {
  return HOME_BY_ROLE[role];
}
