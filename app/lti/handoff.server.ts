import { createHash, randomBytes } from "node:crypto";
import { getUser, startSession } from "~/auth/session.server";
import { findHandoff, insertHandoff, takeHandoff } from "~/models/lti-handoff.server";

/**
 * After a launch: the browser goes to /lti/continue with a one-time token. Where the launch's SameSite=None cookie came
 * back (a top-level launch, or a frame in a browser that allows third-party cookies), it goes straight on. Where it did
 * not (Chromium here blocks third-party cookies and storage in the platform's frame), the frame offers to open Frontline
 * in a new window; that top-level request takes the token and starts an ordinary first-party session.
 */

const HANDOFF_MINUTES = 5;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function makeHandoff(userId: number, target: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertHandoff({ tokenHash: hash(token), userId, target, expiresAt: new Date(Date.now() + HANDOFF_MINUTES * 60 * 1000) });
  return `/lti/continue?handoff=${token}`;
}

export type Continuation = { kind: "go"; to: string; setCookie?: string } | { kind: "open-window"; href: string } | { kind: "gone" };

export async function continueLaunch(request: Request): Promise<Continuation> {
  const url = new URL(request.url);
  const token = url.searchParams.get("handoff") ?? "";
  if (!TOKEN.test(token)) return { kind: "gone" };
  const handoff = await findHandoff(hash(token));
  if (!handoff) return { kind: "gone" };
  const user = await getUser(request);
  if (user?.id === handoff.userId) {
    await takeHandoff(hash(token));
    return { kind: "go", to: handoff.target };
  }
  if (url.searchParams.get("window") === "1") {
    const taken = await takeHandoff(hash(token));
    if (!taken) return { kind: "gone" };
    return { kind: "go", to: taken.target, setCookie: await startSession(taken.userId) };
  }
  return { kind: "open-window", href: `/lti/continue?handoff=${token}&window=1` };
}
