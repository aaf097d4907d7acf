/**
 * What the workspace routes share at the HTTP edge: reading their forms with zod and turning a
 * WorkspaceError into an answer (a 404 page, or the message back to the form with its status).
 */
import { json } from "@remix-run/node";
import * as z from "zod";
import { setArchived } from "./edit.server";
import { WorkspaceError } from "./errors";
import { MAX_SOURCE_BYTES } from "./source";
import { readForm } from "~/utils/form.server";

export type Failure = { error: { message: string; field: string | null; status: number } };

/** For actions: a refusal goes back to the form; a missing scenario is the not-found page. */
export function workspaceFailure(error: unknown) {
  if (!(error instanceof WorkspaceError)) throw error;
  if (error.status === 404) throw new Response(error.message, { status: 404 });
  return json<Failure>({ error: { message: error.message, field: error.field, status: error.status } }, { status: error.status });
}

/** For loaders: the workspace scenario's view, or a 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    rethrowNotFound(error);
  }
}

/** Throws `error` again, a workspace 404 as the 404 page. */
export function rethrowNotFound(error: unknown): never {
  if (error instanceof WorkspaceError && error.status === 404) throw new Response(error.message, { status: 404 });
  throw error;
}

export function badRequest(message: string): never {
  throw new Response(message, { status: 400 });
}

const ArchiveForm = z.object({ scenarioId: z.string().min(1).max(200), archived: z.enum(["0", "1"]) });

/** Archive or unarchive from the library's buttons. Asking twice is not an error: the second does nothing. */
export async function archiveFromForm(form: FormData, actor: number): Promise<{ scenarioId: string; archived: boolean }> {
  const parsed = ArchiveForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest("The form needs a scenario id and archived=0 or 1.");
  const archived = parsed.data.archived === "1";
  try {
    await setArchived(parsed.data.scenarioId, archived, actor);
  } catch (error) {
    if (!(error instanceof WorkspaceError && error.status === 409)) rethrowNotFound(error);
  }
  return { scenarioId: parsed.data.scenarioId, archived };
}

const DraftForm = z.object({ source: z.string(), revision: z.coerce.number().int().min(1) });

/**
 * The editor's posts: the source and the revision it started from. The body is read with a cap so
 * that a huge post is refused without being held in memory.
 */
export async function readDraftForm(request: Request): Promise<z.infer<typeof DraftForm>> {
  const parsed = DraftForm.safeParse(Object.fromEntries(await boundedForm(request)));
  if (!parsed.success) badRequest("The form needs the source and the revision it started from.");
  return parsed.data;
}

export async function readSourceForm(request: Request): Promise<string> {
  const source = (await boundedForm(request)).get("source");
  if (typeof source !== "string") badRequest("The form needs the source to check.");
  return source;
}

/** Forms of the editor: at most four times the source limit (URL encoding can triple a text). */
async function boundedForm(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > 4 * MAX_SOURCE_BYTES) throw new Response(`The scenario is larger than ${MAX_SOURCE_BYTES / 1024} KB, the limit for one scenario.`, { status: 413 });
  return readForm(request);
}

const EditorPost = z.object({
  intent: z.enum(["check", "save", "publish"]),
  source: z.string(),
  revision: z.coerce.number().int().min(1),
  note: z
    .string()
    .max(300)
    .optional()
    .transform((note) => note?.trim() || null),
});

/** The editor's plain form: Check, Save version (with its note) or Publish, with the source and its revision. */
export async function readEditorPost(request: Request): Promise<z.infer<typeof EditorPost>> {
  const parsed = EditorPost.safeParse(Object.fromEntries(await boundedForm(request)));
  if (!parsed.success) badRequest("The form needs an intent (check, save or publish), the source and the revision it started from; a note is at most 300 characters.");
  return parsed.data;
}
