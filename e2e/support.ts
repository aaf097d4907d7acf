// Shared facts and helpers for the end-to-end suite.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIRequestContext, type APIResponse, type TestInfo } from "@playwright/test";

export type Role = "trainee" | "trainer" | "manager" | "admin";
export const ROLES: readonly Role[] = ["trainee", "trainer", "manager", "admin"];

export type DemoUser = { role: Role; email: string; password: string; name: string; home: string };

/** The demo sign-ins the README lists (seeded on a fresh, non-production database). */
export const DEMO_USERS: Record<Role, DemoUser> = {
  admin: { role: "admin", email: "admin@frontline.test", password: "frontline-admin", name: "Alex Rivera", home: "/admin" },
  trainer: {
    role: "trainer",
    email: "trainer@frontline.test",
    password: "frontline-trainer",
    name: "Sofía Martín",
    home: "/library",
  },
  manager: {
    role: "manager",
    email: "manager@frontline.test",
    password: "frontline-manager",
    name: "Maya Okafor",
    home: "/team",
  },
  trainee: {
    role: "trainee",
    email: "trainee@frontline.test",
    password: "frontline-trainee",
    name: "Sam Taylor",
    home: "/train",
  },
};

/** A published scenario's brief, the page a trainee starts a conversation from. */
export const BRIEF_PAGE = "/train/scenarios/parcel-third-call";

/** Pages of the catalogue that trainers and admins may play too (their attempts count nowhere); the game's pages stay the trainee's. */
const PLAY_PAGES = ["/train", BRIEF_PAGE, "/train/settings"] as const;

/** The role-restricted pages each role works in; ":id" stands for an existing user's id. */
export const ROLE_PAGES: Record<Role, readonly string[]> = {
  trainee: [...PLAY_PAGES, "/train/progress", "/train/review", "/train/team", "/train/certificate"],
  trainer: ["/library", "/workspace/new", "/workspace/new?mode=import", "/pathways", "/analytics/scenarios", ...PLAY_PAGES],
  manager: ["/team", "/team/assignments", "/team/outcomes", "/team/outcomes/imports", "/team/outcomes/agents", "/analytics/scenarios"],
  admin: [
    "/admin",
    "/admin/workspace-log",
    "/library",
    "/workspace/new",
    "/workspace/new?mode=import",
    "/admin/teams",
    "/admin/game",
    "/admin/certification",
    "/team/assignments",
    "/pathways",
    "/admin/users/new",
    "/admin/users/:id",
    "/admin/api-tokens",
    "/admin/lrs",
    "/admin/grading",
    "/admin/outbox",
    "/admin/platforms",
    "/team",
    "/team/outcomes",
    "/team/outcomes/imports",
    "/team/outcomes/agents",
    "/analytics/scenarios",
    ...PLAY_PAGES,
  ],
};

/** Every role-restricted page once, with the roles that may open it. */
export const PAGE_ROLES: readonly { page: string; roles: readonly Role[] }[] = [
  ...new Set(Object.values(ROLE_PAGES).flat()),
].map((page) => ({ page, roles: (Object.keys(ROLE_PAGES) as Role[]).filter((role) => ROLE_PAGES[role].includes(page)) }));

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the setup project saves each role's signed-in cookie (e2e/.tmp is wiped at server start). */
export function stateFile(role: Role): string {
  return path.join(here, ".tmp", "state", `${role}.json`);
}

export function originOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error("baseURL is not configured");
  return new URL(baseURL).origin;
}

/** A short suffix that differs between tests, workers and runs, for names and emails. */
export function unique(testInfo: TestInfo): string {
  return `${Date.now().toString(36)}${testInfo.workerIndex}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Posts the sign-in form the way a browser without JavaScript would. */
export function postSignIn(
  request: APIRequestContext,
  { email, password, ip, origin }: { email: string; password: string; ip?: string; origin?: string },
): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  if (ip) headers["X-Forwarded-For"] = ip;
  if (origin) headers.Origin = origin;
  return request.post("/sign-in", { form: { email, password, redirectTo: "" }, headers, maxRedirects: 0 });
}

/** The page text without tags, entities decoded, whitespace collapsed: for checking messages in HTML. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Fails naming the first of `needles` that `body` contains: for pages that must reveal nothing. */
export function expectNone(body: string, needles: readonly string[], where: string): void {
  for (const needle of needles) expect(body.includes(needle), `${where} must not contain ${needle}`).toBe(false);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A user's id, read from the admin's people list (the request must carry an admin's session). */
export async function findUserId(adminRequest: APIRequestContext, email: string): Promise<number> {
  const response = await adminRequest.get("/admin", { maxRedirects: 0 });
  expect(response.status(), "the admin's people list should open").toBe(200);
  const html = await response.text();
  const row = html.split("<tr").find((candidate) => new RegExp(`>${escapeRegExp(email)}</td>`).test(candidate));
  const match = row ? /href="\/admin\/users\/(\d+)"/.exec(row) : null;
  if (!match?.[1]) throw new Error(`${email} is not in the admin's people list`);
  return Number(match[1]);
}

/** Creates a trainee through the admin form (the request must carry an admin's session); returns the id. */
export async function createTraineeViaForm(
  adminRequest: APIRequestContext,
  origin: string,
  person: { name: string; email: string; password: string },
): Promise<number> {
  const response = await adminRequest.post("/admin/users/new", {
    form: { displayName: person.name, email: person.email, role: "trainee", teamId: "", password: person.password },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status(), `creating ${person.email} should redirect to the people list`).toBe(302);
  return findUserId(adminRequest, person.email);
}

/** Disables or re-enables a user through the admin's edit form. */
export async function setActiveViaForm(
  adminRequest: APIRequestContext,
  origin: string,
  userId: number,
  active: boolean,
): Promise<void> {
  const response = await adminRequest.post(`/admin/users/${userId}`, {
    form: { intent: active ? "enable" : "disable" },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status(), `${active ? "enabling" : "disabling"} user ${userId} should redirect`).toBe(302);
}
