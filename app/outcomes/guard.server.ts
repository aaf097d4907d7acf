import { requireRole } from "~/auth/session.server";
import { importActor, type ImportActor } from "./imports.server";

/** Managers (for their teams) and admins (for everyone) bring outcomes in. */
export async function requireImportActor(request: Request): Promise<ImportActor> {
  return importActor(await requireRole(request, ["manager", "admin"]));
}
