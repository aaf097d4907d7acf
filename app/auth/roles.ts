import { z } from "zod";

export const ROLES = ["trainee", "trainer", "manager", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const HOME_BY_ROLE = {
  trainee: "/train",
  trainer: "/library",
  manager: "/team",
  admin: "/admin",
} as const satisfies Record<Role, string>;

export function homePathFor(role: Role): string {
  return HOME_BY_ROLE[role];
}
