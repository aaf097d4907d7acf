import * as z from "zod";
import { getDb } from "#db/db.server";
import type { WriteTx } from "#db/connection.server";
import { strongerRole } from "~/domain/lti-roles";
import { RoleSchema } from "~/accounts/account-input";
import type { Role } from "~/domain/vocabulary";
import { isoNow } from "./time.server";

/** What a verified launch writes: the person, their course's team, their membership and the resource link. */

export type LaunchedCourse = { deploymentId: string; contextId: string; title: string | null };
export type LaunchRecord = {
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
  role: Role;
  course: LaunchedCourse | null;
  /** The launch's LTI roles, kept on the membership as sent. */
  courseRoles: string[];
  /** Instructors manage their course's team. */
  managesCourse: boolean;
};

const Id = z.object({ id: z.number().int() });
const TeamId = z.object({ team_id: z.number().int() });

/** The course's team, made at its first launch. Team names are unique: a taken name gets the context id after it. */
async function courseTeam(tx: WriteTx, issuer: string, course: LaunchedCourse, now: string): Promise<{ contextRowId: number; teamId: number }> {
  const found = await tx.get(Id.merge(TeamId), "SELECT id, team_id FROM lti_contexts WHERE issuer = ? AND deployment_id = ? AND context_id = ?", [
    issuer,
    course.deploymentId,
    course.contextId,
  ]);
  if (found) return { contextRowId: found.id, teamId: found.team_id };
  const base = (course.title ?? "").trim().slice(0, 80) || `Course ${course.contextId.slice(0, 40)}`;
  let name = base;
  for (let n = 2; await tx.get(Id, "SELECT id FROM teams WHERE name = ?", [name]); n++) name = `${base} (${n})`;
  const team = await tx.run("INSERT INTO teams (name, created_at) VALUES (?, ?)", [name, now]);
  const context = await tx.run("INSERT INTO lti_contexts (issuer, deployment_id, context_id, title, team_id, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
    issuer,
    course.deploymentId,
    course.contextId,
    course.title,
    team.lastID,
    now,
  ]);
  return { contextRowId: context.lastID, teamId: team.lastID };
}

/** An email is stored only while no other account has it: it is never a way into someone else's account. */
async function freeEmail(tx: WriteTx, email: string | null, userId: number | null): Promise<string | null> {
  if (!email) return null;
  const holder = await tx.get(Id, "SELECT id FROM users WHERE email = ?", [email]);
  return !holder || holder.id === userId ? email : null;
}

const ExistingUser = z.object({ id: z.number().int(), role: RoleSchema, team_id: z.number().int().nullable(), email: z.string().nullable() });

/**
 * Finds the person by (issuer, sub) or makes them, in one transaction with their course's team and membership, so two
 * first launches at once cannot make two accounts. Returns the user id, their course's team and its context row.
 */
export async function recordLaunchedPerson(launch: LaunchRecord): Promise<{ userId: number; created: boolean; teamId: number | null; contextRowId: number | null }> {
  const db = await getDb();
  const now = isoNow();
  return db.write(async (tx) => {
    const course = launch.course ? await courseTeam(tx, launch.issuer, launch.course, now) : null;
    const existing = await tx.get(
      ExistingUser,
      "SELECT u.id, u.role, u.team_id, u.email FROM lti_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = ? AND i.subject = ?",
      [launch.issuer, launch.subject],
    );
    let userId: number;
    if (existing) {
      userId = existing.id;
      const role = strongerRole(existing.role, launch.role);
      // A trainee's first course is their team; later courses are memberships (one person, one history).
      const teamId = existing.team_id ?? (role === "trainee" ? (course?.teamId ?? null) : null);
      const email = (await freeEmail(tx, launch.email, userId)) ?? existing.email;
      await tx.run("UPDATE users SET display_name = ?, email = ?, role = ?, team_id = ?, updated_at = ? WHERE id = ?", [launch.displayName, email, role, teamId, now, userId]);
      await tx.run("UPDATE lti_identities SET last_launch_at = ? WHERE issuer = ? AND subject = ?", [now, launch.issuer, launch.subject]);
    } else {
      const teamId = launch.role === "trainee" ? (course?.teamId ?? null) : null;
      const inserted = await tx.run(
        "INSERT INTO users (email, display_name, role, team_id, active, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 1, NULL, ?, ?)",
        [await freeEmail(tx, launch.email, null), launch.displayName, launch.role, teamId, now, now],
      );
      userId = inserted.lastID;
      await tx.run("INSERT INTO lti_identities (issuer, subject, user_id, created_at, last_launch_at) VALUES (?, ?, ?, ?, ?)", [launch.issuer, launch.subject, userId, now, now]);
    }
    if (course) {
      await tx.run(
        `INSERT INTO lti_memberships (context_id, user_id, roles, first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (context_id, user_id) DO UPDATE SET roles = excluded.roles, last_launch_at = excluded.last_launch_at`,
        [course.contextRowId, userId, launch.courseRoles.join(" "), now, now],
      );
      const role = existing ? strongerRole(existing.role, launch.role) : launch.role;
      if (launch.managesCourse && role === "manager") {
        await tx.run("INSERT OR IGNORE INTO team_managers (team_id, manager_id) VALUES (?, ?)", [course.teamId, userId]);
      }
    }
    return { userId, created: !existing, teamId: course?.teamId ?? null, contextRowId: course?.contextRowId ?? null };
  });
}

export type ResourceLinkRecord = {
  platformId: number;
  deploymentId: string;
  resourceLinkId: string;
  contextRowId: number | null;
  title: string | null;
  scenarioId: string | null;
  pathwayId: number | null;
  lineItemUrl: string | null;
  lineItemsUrl: string | null;
  agsScopes: string[];
  /** The person launching through it, and the `sub` the platform knows them by (the userId of their scores). */
  learner: { userId: number; subject: string };
};

const StoredLink = z.object({ id: z.number().int(), scenario_id: z.string().nullable(), pathway_id: z.number().int().nullable() });

/**
 * Keeps the latest AGS endpoints and scopes the platform sent; what the link opens (a scenario or a pathway) once known
 * stays unless the launch names one. Records the person as a learner of the link, in the same transaction.
 */
export async function upsertResourceLink(link: ResourceLinkRecord, at: Date = new Date()): Promise<{ id: number; scenarioId: string | null; pathwayId: number | null }> {
  const db = await getDb();
  const now = isoNow(at);
  const named = link.scenarioId !== null || link.pathwayId !== null;
  return db.write(async (tx) => {
    await tx.run(
      `INSERT INTO lti_resource_links (platform_id, deployment_id, resource_link_id, context_id, title, scenario_id, pathway_id, line_item_url, line_items_url, ags_scopes,
                                       created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform_id, deployment_id, resource_link_id) DO UPDATE SET
         context_id = excluded.context_id, title = excluded.title,
         scenario_id = CASE WHEN ? THEN excluded.scenario_id ELSE scenario_id END, pathway_id = CASE WHEN ? THEN excluded.pathway_id ELSE pathway_id END,
         line_item_url = COALESCE(excluded.line_item_url, line_item_url), line_items_url = COALESCE(excluded.line_items_url, line_items_url),
         ags_scopes = excluded.ags_scopes, updated_at = excluded.updated_at`,
      [
        link.platformId,
        link.deploymentId,
        link.resourceLinkId,
        link.contextRowId,
        link.title,
        link.scenarioId,
        link.pathwayId,
        link.lineItemUrl,
        link.lineItemsUrl,
        link.agsScopes.join(" "),
        now,
        now,
        named ? 1 : 0,
        named ? 1 : 0,
      ],
    );
    const row = await tx.get(StoredLink, "SELECT id, scenario_id, pathway_id FROM lti_resource_links WHERE platform_id = ? AND deployment_id = ? AND resource_link_id = ?", [
      link.platformId,
      link.deploymentId,
      link.resourceLinkId,
    ]);
    await tx.run(
      `INSERT INTO lti_link_learners (link_id, user_id, subject, first_launch_at, last_launch_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (link_id, user_id) DO UPDATE SET subject = excluded.subject, last_launch_at = excluded.last_launch_at`,
      [row!.id, link.learner.userId, link.learner.subject, now, now],
    );
    return { id: row!.id, scenarioId: row!.scenario_id, pathwayId: row!.pathway_id };
  });
}
