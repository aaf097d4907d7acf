// Field schemas shared by the browser (conform validates as people type) and the server.
import "~/utils/zod-csp";
import * as z from "zod";
import { ROLES } from "~/domain/vocabulary";
import { VALIDATION_LIMITS, type ValidationKey } from "./validation-messages";

/** A message is a translation key; the form translates it (see validation-messages). */
export const message = (key: ValidationKey extends `validation.${infer K}` ? K : never): ValidationKey => `validation.${key}`;

export const RoleSchema = z.enum(ROLES);

export const Email = z
  .string({ error: message("emailRequired") })
  .trim()
  .toLowerCase()
  .max(VALIDATION_LIMITS.emailMax, message("emailTooLong"))
  .pipe(z.email({ error: message("emailInvalid") }));

export const DisplayName = z
  .string({ error: message("nameRequired") })
  .trim()
  .min(1, message("nameRequired"))
  .max(VALIDATION_LIMITS.nameMax, message("nameTooLong"));

export const NewPassword = z
  .string({ error: message("passwordRequired") })
  .min(VALIDATION_LIMITS.passwordMin, message("passwordTooShort"))
  .max(VALIDATION_LIMITS.passwordMax, message("passwordTooLong"));

export const TeamName = z
  .string({ error: message("teamNameRequired") })
  .trim()
  .min(1, message("teamNameRequired"))
  .max(VALIDATION_LIMITS.teamNameMax, message("teamNameTooLong"));
