import { describe, expect, it } from "vitest";
import { translatorFor } from "~/i18n/translate";
import { DisplayName, NewPassword } from "./account-input";
import { errorText } from "./validation-messages";

const t = translatorFor("en");
const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message ?? "";

describe("errorText", () => {
  it("puts a schema's message into words, with the limit it enforces", () => {
    expect(errorText(t, firstError(NewPassword.safeParse("short")))).toBe("A password needs at least 12 characters.");
    expect(errorText(t, firstError(DisplayName.safeParse("x".repeat(101))))).toBe("A name has at most 100 characters.");
  });

  it("shows a message the server already wrote as it is", () => {
    expect(errorText(t, "That email already has an account.")).toBe("That email already has an account.");
  });
});
