import { closeDb } from "#db/db.server";

export class UsageError extends Error {}

/** Runs a CLI body: friendly one-line errors, exit code 2 for usage mistakes, 1 for failures. */
export function runCli(body: () => Promise<void>): void {
  body()
    .then(() => closeDb())
    .catch(async (error: unknown) => {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
      await closeDb().catch(() => undefined);
      process.exit(error instanceof UsageError ? 2 : 1);
    });
}
