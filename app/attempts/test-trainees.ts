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
