import type { Request, Response } from "express";
import * as z from "zod";
import { getDb } from "#db/db.server";

/**
 * `GET /healthz` for a reverse proxy or an orchestrator: 200 "ok" when this process answers and
 * can read the database, 503 when it cannot. No session, no page, nothing personal.
 */
export async function healthCheck(_req: Request, res: Response): Promise<void> {
  res.set("Cache-Control", "no-store").type("text/plain");
  try {
    const db = await getDb();
    await db.get(z.object({ ok: z.number() }), "SELECT 1 AS ok");
    res.send("ok\n");
  } catch {
    res.status(503).send("the database cannot be read\n");
  }
}
