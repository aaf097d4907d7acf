import { describe, expect, it } from "vitest";
import { parseLrsForm, type LrsFormMessages } from "./settings.server";

const messages: LrsFormMessages = { endpoint: "endpoint?", username: "key?", secret: "secret?", activityBase: "base?", tooLong: "long?" };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const full = { enabled: "on", endpoint: "https://lrs.example.com/xapi/", username: "key", secret: "s", activityBase: "https://frontline.example.com/" };

describe("parseLrsForm", () => {
  it("reads a whole form, without the trailing slashes", () => {
    const submission = parseLrsForm(form(full), messages, { hasSecret: false });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      enabled: true,
      endpoint: "https://lrs.example.com/xapi",
      username: "key",
      secret: "s",
      activityBase: "https://frontline.example.com",
    });
  });

  it("names each field that is wrong", () => {
    const bad = parseLrsForm(form({ ...full, endpoint: "ftp://lrs.example.com", username: "", secret: "", activityBase: "https://x.example/?q=1" }), messages, { hasSecret: false });
    expect(bad.status).toBe("error");
    expect(bad.reply().error).toEqual({ endpoint: ["endpoint?"], username: ["key?"], secret: ["secret?"], activityBase: ["base?"] });
  });

  it("keeps a stored secret when none is typed, and asks for nothing but the activity address while switched off", () => {
    expect(parseLrsForm(form({ ...full, secret: "" }), messages, { hasSecret: true }).status).toBe("success");
    const off = parseLrsForm(form({ activityBase: "https://frontline.example.com" }), messages, { hasSecret: false });
    expect(off.status === "success" && off.value).toEqual({ enabled: false, activityBase: "https://frontline.example.com" });
    expect(parseLrsForm(form({ ...full, username: "x".repeat(501) }), messages, { hasSecret: true }).reply().error).toEqual({ username: ["long?"] });
  });
});
