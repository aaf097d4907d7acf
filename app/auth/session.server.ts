import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { deleteSession, deleteSessionsOfUser, insertSession } from "~/models/session.server";
import { findUserBySession, type User } from "~/models/user.server";
import { homePathFor, type Role } from "./roles";

const SESSION_DAYS = 14;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

const sessionCookie = createCookie("frontline_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: config().production,
  secrets: [config().sessionSecret],
  maxAge: SESSION_MS / 1000,
});

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** Starts a fresh session (a new id at every sign-in) and returns its Set-Cookie header. */
export async function startSession(userId: number): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await insertSession(id, userId, new Date(Date.now() + SESSION_MS));
  return sessionCookie.serialize(id);
}

/**
 * A session started by an LTI launch, which usually runs in the platform's frame on another site: SameSite=Lax cookies
 * are neither set nor sent there, so this one is SameSite=None and Secure (browsers take Secure on http://localhost too).
 * Same cookie, same session table: only where it may travel differs.
 */
export async function startLaunchedSession(userId: number): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await insertSession(id, userId, new Date(Date.now() + SESSION_MS));
  return sessionCookie.serialize(id, { sameSite: "none", secure: true });
}

export async function endSession(request: Request): Promise<string> {
  const id = await sessionIdFrom(request);
  if (id) await deleteSession(id);
  return sessionCookie.serialize("", { maxAge: 0 });
}

function signInRedirect(request: Request, reason?: "disabled" | "expired", headers?: HeadersInit): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const here = `${url.pathname}${url.search}`;
  if (here !== "/") params.set("redirectTo", here);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return redirect(`/sign-in${query ? `?${query}` : ""}`, { headers });
}

/** The signed-in, active user, or null. A disabled user's sessions are ended here. */
export async function getUser(request: Request): Promise<User | null> {
  const id = await sessionIdFrom(request);
  if (!id) return null;
  const session = await findUserBySession(id);
  if (!session || session.sessionExpiresAt <= new Date().toISOString() || !session.user.active) return null;
  return session.user;
}

export async function requireUser(request: Request): Promise<User> {
  const id = await sessionIdFrom(request);
  const session = id ? await findUserBySession(id) : undefined;
  if (!id || !session) throw signInRedirect(request);
  const clear = { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) };
  if (session.sessionExpiresAt <= new Date().toISOString()) {
    await deleteSession(id);
    throw signInRedirect(request, "expired", clear);
  }
  if (!session.user.active) {
    await deleteSessionsOfUser(session.user.id);
    throw signInRedirect(request, "disabled", clear);
  }
  return session.user;
}

/** The signed-in user if their role is one of `roles`; otherwise a friendly 403. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<User> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response(JSON.stringify({ home: homePathFor(user.role) }), {
      status: 403,
      statusText: "Forbidden",
      headers: { "Content-Type": "application/json" },
    });
  }
  return user;
}

/** For pages only signed-out visitors need (the sign-in page): a signed-in user goes home. */
export async function redirectSignedInUser(request: Request): Promise<void> {
  const user = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
}
