// The admin and sign-in forms, validated in the browser as people type (conform) and again by
// the action. Pages without such a form never import zod, which keeps it out of their JavaScript.
import "~/utils/zod-csp";
import * as z from "zod";
import { DisplayName, Email, message, NewPassword, RoleSchema, TeamName } from "./account-input";
import { VALIDATION_LIMITS } from "./validation-messages";

export const SignInForm = z.object({
  email: z.string({ error: message("signInEmailRequired") }).trim().max(VALIDATION_LIMITS.emailMax, message("emailTooLong")),
  password: z.string({ error: message("signInPasswordRequired") }).max(VALIDATION_LIMITS.passwordMax, message("passwordTooLong")),
  redirectTo: z.string().optional(),
});

export const NewPersonForm = z.object({
  displayName: DisplayName,
  email: Email,
  role: RoleSchema,
  teamId: z.number().int().optional(),
  password: NewPassword,
});

export const EditPersonForm = z.object({
  intent: z.literal("save"),
  displayName: DisplayName,
  role: RoleSchema,
  teamId: z.number().int().optional(),
  managedTeamIds: z.array(z.number().int()).default([]),
});

export const PersonStatusForm = z.object({ intent: z.enum(["disable", "enable"]) });

export const CreateTeamForm = z.object({ intent: z.literal("create"), name: TeamName });

export const TeamManagersForm = z.object({
  intent: z.literal("managers"),
  teamId: z.coerce.number().int().positive(),
  managerIds: z.array(z.coerce.number().int().positive()).default([]),
});
