// Field schemas shared by the browser (conform validates as people type) and the server.
import "~/utils/zod-csp";
import * as z from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/auth/password-rules";
import { ROLES } from "~/auth/roles";

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const DisplayName = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "A name has at most 100 characters.");

export const NewPassword = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`);

export const TeamName = z
  .string({ error: "Enter a team name." })
  .trim()
  .min(1, "Enter a team name.")
  .max(80, "A team name has at most 80 characters.");

