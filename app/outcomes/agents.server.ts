import * as z from "zod";
import { getDb } from "#db/db.server";
import { deleteAgentMapping, findAgentMapping, listAgentMappings, saveAgentMapping, type AgentMapping } from "~/models/helpdesk-agent.server";
import { assignAgentTickets, unknownAgents, type UnknownAgent } from "~/models/helpdesk-ticket.server";
import { findUserByEmail, listTraineesOfTeams, listUsersByRole, type User } from "~/models/user.server";
import type { ImportActor } from "./imports.server";
import { visibleImports } from "./imports.server";

/**
 * Helpdesk agents that are not (yet) a Frontline email: mapped to a user once, the mapping holds
 * for every import after, and it can be changed or removed. A manager maps only to people in
 * their teams and sees only agents from their own imports.
 */

export type AgentsView = {
  unknown: UnknownAgent[];
  mappings: AgentMapping[];
  people: { id: number; name: string; email: string | null }[];
};

const isAdmin = (actor: ImportActor) => actor.user.role === "admin";
const teamIds = (actor: ImportActor) => actor.teams.map((team) => team.id);

/**
 * A manager maps agents to trainees whose own team they manage, not to a course's other launched learners: a mapping
 * gives the person helpdesk tickets for their whole history, and the checks below (like import matching) read the
 * person's own team.
 */
async function candidates(actor: ImportActor) {
  const trainees = isAdmin(actor) ? await listUsersByRole("trainee") : await listTraineesOfTeams(teamIds(actor));
  const own = (user: User) => isAdmin(actor) || teamIds(actor).includes(user.teamId ?? -1);
  return trainees.filter((user) => user.active && own(user)).map((user) => ({ id: user.id, name: user.displayName, email: user.email }));
}

export async function agentsView(actor: ImportActor): Promise<AgentsView> {
  const importIds = isAdmin(actor) ? null : (await visibleImports(actor)).map((record) => record.id);
  const [unknown, mappings, people] = await Promise.all([unknownAgents(importIds), listAgentMappings(isAdmin(actor) ? null : teamIds(actor)), candidates(actor)]);
  return { unknown, mappings, people };
}

export const AgentKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((value) => value.toLowerCase());

export const MapAgentForm = z.object({ agentKey: AgentKey, userId: z.coerce.number().int().positive() });

export type MapResult = { ok: true; tickets: number } | { ok: false; problem: "person" | "agent" };

/** Saves a mapping and gives the agent's tickets to the person, in one transaction. */
export async function mapAgent(actor: ImportActor, agentKey: string, userId: number): Promise<MapResult> {
  if (!(await candidates(actor)).some((person) => person.id === userId)) return { ok: false, problem: "person" };
  const existing = await findAgentMapping(agentKey);
  if (existing && !isAdmin(actor) && !teamIds(actor).includes(existing.team_id ?? -1)) return { ok: false, problem: "agent" };
  if (!existing && !isAdmin(actor)) {
    const importIds = (await visibleImports(actor)).map((record) => record.id);
    if (!(await unknownAgents(importIds)).some((agent) => agent.agent_key === agentKey)) return { ok: false, problem: "agent" };
  }
  const db = await getDb();
  const tickets = await db.write(async (tx) => {
    await saveAgentMapping(tx, agentKey, userId, actor.user.id);
    return assignAgentTickets(tx, agentKey, userId);
  });
  return { ok: true, tickets };
}

/** Removes a mapping; the agent's tickets go back to the user with that email, or to nobody. */
export async function unmapAgent(actor: ImportActor, agentKey: string): Promise<boolean> {
  const existing = await findAgentMapping(agentKey);
  if (!existing || (!isAdmin(actor) && !teamIds(actor).includes(existing.team_id ?? -1))) return false;
  // Without the mapping the tickets go back to whoever has that email, if anyone.
  const byEmail = await findUserByEmail(agentKey);
  const db = await getDb();
  await db.write(async (tx) => {
    await deleteAgentMapping(tx, agentKey);
    await assignAgentTickets(tx, agentKey, byEmail?.id ?? null);
  });
  return true;
}
