import { ROLES, type Role } from "./vocabulary";

/**
 * Frontline has one role per person, in this order of reach (ROLES). A launch may raise a person's role, never lower
 * it: an admin's choice in Frontline outlives what one course says, and a learner in one course who teaches another
 * keeps the manager's view.
 */
export function strongerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}
