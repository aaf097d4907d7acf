import { availableParallelism } from "node:os";
import * as z from "zod";

const DEVELOPMENT_SESSION_SECRET = "frontline-development-secret-not-for-production";
// Outside production the LTI signing keys are encrypted under this fixed, public key: fine for a demo database only.
const DEVELOPMENT_LTI_KEY_SECRET = "frontline-development-lti-key-secret-not-for-production";

const Env = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SESSION_SECRET: z.string().optional(),
    // Encrypts Frontline's LTI private keys at rest (AES-256-GCM under its SHA-256). Changing it makes stored keys
    // unreadable: rotate the keys after a change.
    LTI_KEY_SECRET: z.string().optional(),
    // Space-separated CSP frame-ancestors sources, e.g. "'self' https://lms.example.com".
    FRAME_ANCESTORS: z.string().trim().min(1).default("'self'"),
    // Express "trust proxy" setting: set it when a reverse proxy adds X-Forwarded-For.
    // Not "true": it would trust every X-Forwarded-For hop, so any client could name its own address and reset its
    // sign-in attempt count by changing the header. A hop count or the proxy's addresses say which hops to believe.
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .refine((value) => value?.toLowerCase() !== "true", {
        message: 'must not be "true": that trusts any X-Forwarded-For a client sends. Set the number of proxies in front of Frontline (for example 1), or their addresses (for example loopback or 10.0.0.1).',
      }),
    // "off" silences request logs; "all" logs asset requests too.
    REQUEST_LOG: z.enum(["on", "off", "all"]).default("on"),
    // Server processes sharing the port and the database: one per core unless set.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "must be set to a random string of at least 32 characters when NODE_ENV=production",
      });
    }
    if (env.NODE_ENV === "production" && (!env.LTI_KEY_SECRET || env.LTI_KEY_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["LTI_KEY_SECRET"],
        message: "must be set to a random string of at least 32 characters when NODE_ENV=production (it encrypts the LTI signing keys)",
      });
    }
  });

export type Config = {
  production: boolean;
  port: number;
  sessionSecret: string;
  ltiKeySecret: string;
  frameAncestors: string;
  trustProxy: string | undefined;
  requestLog: "on" | "off" | "all";
  /** Worker processes to serve with (1: the primary serves alone). */
  workers: number;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const value = parsed.data;
  return {
    production: value.NODE_ENV === "production",
    port: value.PORT,
    sessionSecret: value.SESSION_SECRET || DEVELOPMENT_SESSION_SECRET,
    ltiKeySecret: value.LTI_KEY_SECRET || DEVELOPMENT_LTI_KEY_SECRET,
    frameAncestors: value.FRAME_ANCESTORS,
    trustProxy: value.TRUST_PROXY,
    requestLog: value.REQUEST_LOG,
    workers: value.WEB_CONCURRENCY ?? availableParallelism(),
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
