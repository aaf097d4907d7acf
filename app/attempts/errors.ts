import type en from "~/locales/en";

/** What the trainee is told, as a translation key under play.refused and the numbers it quotes. */
export type Refusal = { key: keyof (typeof en)["common"]["play"]["refused"]; values?: { turn?: number; current?: number } };

/**
 * A refusal with an HTTP status; nothing was changed. A 404 becomes the not-found page (its message
 * is for logs); every other refusal carries what the trainee is told.
 */
export class AttemptError extends Error {
  readonly refusal: Refusal | null;

  constructor(
    readonly status: 400 | 404 | 409 | 422,
    readonly reason: "not-found" | "stale-turn" | "not-visible" | "finished" | "unavailable",
    detail: string | Refusal,
  ) {
    super(typeof detail === "string" ? detail : `${reason}: ${detail.key} ${JSON.stringify(detail.values ?? {})}`);
    this.name = "AttemptError";
    this.refusal = typeof detail === "string" ? null : detail;
  }
}
