import { clearSignInFailuresForEmail } from "~/models/sign-in-failure.server";
import { findPasswordHash, findUserById, type User } from "~/models/user.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { allowSignInAttempt } from "./rate-limit.server";
import { startSession } from "./session.server";

export type SignInResult =
  | { status: "signed-in"; user: User; setCookie: string }
  | { status: "invalid" }
  | { status: "disabled" }
  | { status: "rate-limited"; retryAt: Date };

export async function signIn({ email, password, ip }: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const allowance = await allowSignInAttempt(email, ip);
  if (!allowance.allowed) return { status: "rate-limited", retryAt: allowance.retryAt };

  // From here the attempt is counted as a failure unless the password turns out to be right.
  const account = await findPasswordHash(email);
  const matches = await verifyPassword(password, account?.hash ?? (await decoyPasswordHash()));
  if (!account || !matches) return { status: "invalid" };
  if (!account.active) {
    await allowance.release();
    return { status: "disabled" };
  }

  const user = await findUserById(account.userId);
  if (!user) return { status: "invalid" };
  await clearSignInFailuresForEmail(email);
  return { status: "signed-in", user, setCookie: await startSession(user.id) };
}
