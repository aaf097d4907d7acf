import * as z from "zod";

/**
 * How the outbox retries, from the environment (kept apart from `config.server.ts` so that only the outbox reads
 * it). The defaults spread twelve tries over about sixteen hours, so an LRS or platform down overnight loses
 * nothing; tests set milliseconds.
 */
const Env = z.object({
  // How often an idle process looks for due deliveries.
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  // The first retry waits about this long; each next one twice as long, up to the maximum.
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(86_400_000).default(30_000),
  OUTBOX_BACKOFF_MAX_MS: z.coerce.number().int().min(1).max(7 * 86_400_000).default(6 * 3_600_000),
  // Tries before a delivery is marked failed (an admin can retry it).
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  // A claim that is not finished by then is free again: its process died or hung.
  OUTBOX_CLAIM_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  // One request to a destination gives up after this long (well inside the claim).
  OUTBOX_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  OUTBOX_BATCH: z.coerce.number().int().min(1).max(100).default(10),
});

export type OutboxConfig = {
  pollMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxAttempts: number;
  claimMs: number;
  timeoutMs: number;
  batch: number;
};

export function readOutboxConfig(env: NodeJS.ProcessEnv = process.env): OutboxConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid outbox configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const value = parsed.data;
  return {
    pollMs: value.OUTBOX_POLL_MS,
    backoffBaseMs: value.OUTBOX_BACKOFF_BASE_MS,
    backoffMaxMs: Math.max(value.OUTBOX_BACKOFF_MAX_MS, value.OUTBOX_BACKOFF_BASE_MS),
    maxAttempts: value.OUTBOX_MAX_ATTEMPTS,
    claimMs: Math.max(value.OUTBOX_CLAIM_MS, value.OUTBOX_TIMEOUT_MS + 1_000),
    timeoutMs: value.OUTBOX_TIMEOUT_MS,
    batch: value.OUTBOX_BATCH,
  };
}
