import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { placeholders } from "./analytics.server";
import { isoNow } from "./time.server";

const AgentMatchRow = z.object({ agent_key: z.string(), user_id: z.number().int(), team_id: z.number().int().nullable(), via: z.enum(["mapping", "email"]) });
export type AgentMatch = z.infer<typeof AgentMatchRow>;

/**
 * The users behind helpdesk agent names or addresses: a saved mapping first, else a user whose
 * email is the agent's (any case). Keys must already be lower-cased.
 */
export async function matchAgents(agentKeys: readonly string[]): Promise<Map<string, AgentMatch>> {
  const db = await getDb();
  const found = new Map<string, AgentMatch>();
  for (let i = 0; i < agentKeys.length; i += 500) {
    const chunk = agentKeys.slice(i, i + 500);
    const rows = await db.all(
      AgentMatchRow,
      `SELECT a.agent_key, a.user_id, u.team_id, 'mapping' AS via FROM helpdesk_agents a JOIN users u ON u.id = a.user_id
        WHERE a.agent_key IN (${placeholders(chunk)})
       UNION ALL
       SELECT lower(u.email) AS agent_key, u.id AS user_id, u.team_id, 'email' AS via FROM users u
        WHERE lower(u.email) IN (${placeholders(chunk)})`,
      [...chunk, ...chunk],
    );
    for (const row of rows) if (!found.has(row.agent_key) || row.via === "mapping") found.set(row.agent_key, row);
  }
  return found;
}

const MappingRow = z.object({ agent_key: z.string(), user_id: z.number().int(), display_name: z.string(), email: z.string().nullable(), team_id: z.number().int().nullable(), mapped_at: z.string() });
export type AgentMapping = z.infer<typeof MappingRow>;

/**
 * Saved mappings, for users whose own team is one of these (null: every mapping). Not course memberships: a manager
 * maps, sees and removes the mappings of their own teams' people only (`outcomes/agents.server.ts`).
 */
export async function listAgentMappings(teamIds: readonly number[] | null): Promise<AgentMapping[]> {
  const db = await getDb();
  if (teamIds !== null && teamIds.length === 0) return [];
  return db.all(
    MappingRow,
    `SELECT a.agent_key, a.user_id, u.display_name, u.email, u.team_id, a.mapped_at FROM helpdesk_agents a JOIN users u ON u.id = a.user_id
      ${teamIds === null ? "" : `WHERE u.team_id IN (${placeholders(teamIds)})`} ORDER BY a.agent_key`,
    teamIds ?? [],
  );
}

export async function findAgentMapping(agentKey: string): Promise<AgentMapping | undefined> {
  const db = await getDb();
  return db.get(
    MappingRow,
    `SELECT a.agent_key, a.user_id, u.display_name, u.email, u.team_id, a.mapped_at FROM helpdesk_agents a JOIN users u ON u.id = a.user_id WHERE a.agent_key = ?`,
    [agentKey],
  );
}

export async function saveAgentMapping(tx: WriteTx, agentKey: string, userId: number, mappedBy: number): Promise<void> {
  await tx.run(
    `INSERT INTO helpdesk_agents (agent_key, user_id, mapped_by, mapped_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (agent_key) DO UPDATE SET user_id = excluded.user_id, mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at`,
    [agentKey, userId, mappedBy, isoNow()],
  );
}

export async function deleteAgentMapping(tx: WriteTx, agentKey: string): Promise<void> {
  await tx.run("DELETE FROM helpdesk_agents WHERE agent_key = ?", [agentKey]);
}
