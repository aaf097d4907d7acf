import type en from "~/locales/en";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/auth/password-rules";

/** The limits the form schemas enforce, also the values their messages quote. */
export const VALIDATION_LIMITS = {
  emailMax: 254,
  nameMax: 100,
  teamNameMax: 80,
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
} as const;

export type ValidationKey = `validation.${keyof (typeof en)["common"]["validation"]}`;

/**
 * Schema messages are translation keys; errors the server wrote itself (already translated) are
 * shown as they are.
 */
function isValidationKey(message: string): message is ValidationKey {
  return message.startsWith("validation.");
}

/** An error in words: schema messages translated with `t`, the server's own messages as they are. */
export function errorText(t: (key: ValidationKey, values: typeof VALIDATION_LIMITS) => string, message: string): string {
  return isValidationKey(message) ? t(message, VALIDATION_LIMITS) : message;
}
