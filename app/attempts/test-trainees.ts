import { cpSync } from "node:fs";
import path from "node:path";
// Accounts for the attempts tests that play through the real database (after useFreshDatabase).
import { createAccount } from "~/accounts/accounts.server";

/** Creates `count` trainees without a team; returns their ids. */
export async function createTrainees(count: number): Promise<number[]> {
  // They never sign in: a well-formed hash spares each of them 0.3 s of scrypt.
  const hash = "scrypt$17$8$1$c2FsdA==$a2V5";
  const ids: number[] = [];
  for (let index = 1; index <= count; index++) {
    ids.push(await createAccount({ email: `t${index}@example.test`, displayName: `T${index}`, role: "trainee", teamId: null, password: "" }, hash));
  }
  return ids;
}

/**
 * Points the library at the two example scenarios whose results are pinned
 * (app/engine/__fixtures__/shared), so these tests do not change whenever the
 * real library in scenarios/ is rewritten.
 */
export function useExampleLibrary(dir: string): void {
  const examples = path.join(import.meta.dirname, "../engine/__fixtures__/shared");
  for (const file of ["parcel-third-call.mdx", "returns-desk-loop.mdx"]) cpSync(path.join(examples, file), path.join(dir, file));
  process.env.SCENARIOS_DIR = dir;
}
