/** A refusal the trainee should see as a clear message with an HTTP status; nothing was changed. */
export class AttemptError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422,
    readonly reason: "not-found" | "stale-turn" | "not-visible" | "finished" | "unavailable",
    message: string,
  ) {
    super(message);
    this.name = "AttemptError";
  }
}
