/**
 * A refusal from a workspace use case, with the HTTP status the route answers and, when one form
 * field is at fault, its name. Nothing was changed. Browser-safe (routes import it for its type).
 */
export class WorkspaceError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "WorkspaceError";
  }
}
