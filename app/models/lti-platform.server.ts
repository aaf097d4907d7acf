import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** Learning platforms registered for LTI 1.3, with their deployment ids. */

const PlatformRow = z.object({
  id: z.number().int(),
  name: z.string(),
  issuer: z.string(),
  client_id: z.string(),
  auth_url: z.string(),
  token_url: z.string(),
  jwks_url: z.string(),
  map_administrators: z.union([z.literal(0), z.literal(1)]),
  deployment_ids: z.string().nullable(),
});

export type Platform = {
  id: number;
  name: string;
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  mapAdministrators: boolean;
  deploymentIds: string[];
};

// Deployment ids are joined with a control character no id can hold (ids are printable text).
const SEPARATOR = "\u001f";
const SELECT_PLATFORM = `SELECT p.id, p.name, p.issuer, p.client_id, p.auth_url, p.token_url, p.jwks_url, p.map_administrators,
         (SELECT group_concat(d.deployment_id, '${SEPARATOR}') FROM lti_deployments d WHERE d.platform_id = p.id) AS deployment_ids
    FROM lti_platforms p`;

function toPlatform(row: z.infer<typeof PlatformRow>): Platform {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    authUrl: row.auth_url,
    tokenUrl: row.token_url,
    jwksUrl: row.jwks_url,
    mapAdministrators: row.map_administrators === 1,
    deploymentIds: row.deployment_ids ? row.deployment_ids.split(SEPARATOR).sort() : [],
  };
}

export async function listPlatforms(): Promise<Platform[]> {
  const db = await getDb();
  return (await db.all(PlatformRow, `${SELECT_PLATFORM} ORDER BY p.name COLLATE NOCASE, p.id`)).map(toPlatform);
}

export async function findPlatformById(id: number): Promise<Platform | undefined> {
  const db = await getDb();
  const row = await db.get(PlatformRow, `${SELECT_PLATFORM} WHERE p.id = ?`, [id]);
  return row && toPlatform(row);
}

/** Platforms of one issuer: one registration per client id. */
export async function findPlatformsByIssuer(issuer: string): Promise<Platform[]> {
  const db = await getDb();
  return (await db.all(PlatformRow, `${SELECT_PLATFORM} WHERE p.issuer = ? ORDER BY p.id`, [issuer])).map(toPlatform);
}

export type PlatformInput = Omit<Platform, "id">;

export class PlatformTakenError extends Error {
  constructor() {
    super("A platform with this issuer and client id is already registered.");
    this.name = "PlatformTakenError";
  }
}

async function writePlatform(id: number | null, input: PlatformInput): Promise<number> {
  const db = await getDb();
  const now = isoNow();
  try {
    return await db.write(async (tx) => {
      const values = [input.name, input.issuer, input.clientId, input.authUrl, input.tokenUrl, input.jwksUrl, input.mapAdministrators ? 1 : 0];
      let platformId = id;
      if (platformId === null) {
        const { lastID } = await tx.run(
          `INSERT INTO lti_platforms (name, issuer, client_id, auth_url, token_url, jwks_url, map_administrators, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [...values, now, now],
        );
        platformId = lastID;
      } else {
        await tx.run(
          `UPDATE lti_platforms SET name = ?, issuer = ?, client_id = ?, auth_url = ?, token_url = ?, jwks_url = ?, map_administrators = ?, updated_at = ?
            WHERE id = ?`,
          [...values, now, platformId],
        );
        await tx.run("DELETE FROM lti_deployments WHERE platform_id = ?", [platformId]);
      }
      for (const deploymentId of new Set(input.deploymentIds)) {
        await tx.run("INSERT INTO lti_deployments (platform_id, deployment_id) VALUES (?, ?)", [platformId, deploymentId]);
      }
      return platformId;
    });
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: lti_platforms\.issuer/.test(error.message)) throw new PlatformTakenError();
    throw error;
  }
}

export const insertPlatform = (input: PlatformInput) => writePlatform(null, input);
export const updatePlatform = (id: number, input: PlatformInput) => writePlatform(id, input).then(() => undefined);

export async function deletePlatform(id: number): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM lti_platforms WHERE id = ?", [id]));
}
