import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import * as z from "zod";
import { getLibrary } from "~/library/catalog.server";
import { findWorkspaceScenario } from "~/models/workspace-scenario.server";
import { createScenario, duplicateScenario, importScenario } from "./create.server";
import { WorkspaceError } from "./errors";
import { idFromTitle, MAX_SOURCE_BYTES } from "./source";
import { readForm } from "~/utils/form.server";

export type NewMode = { kind: "new" } | { kind: "import" } | { kind: "duplicate"; fromId: string; fromTitle: string };

/** What the New scenario page is for, from its query: a blank start, an import, or a copy of a scenario. */
export async function newScenarioMode(url: URL): Promise<NewMode> {
  const from = url.searchParams.get("from");
  if (from) {
    const library = await getLibrary();
    const entry = [...library.scenarios, ...library.archived].find((candidate) => candidate.scenario.id === from);
    const workspace = entry ? null : await findWorkspaceScenario(from);
    if (!entry && !workspace) throw new WorkspaceError(404, `There is no scenario "${from}" to copy.`);
    return { kind: "duplicate", fromId: from, fromTitle: entry?.scenario.title ?? from };
  }
  return url.searchParams.get("mode") === "import" ? { kind: "import" } : { kind: "new" };
}

const Fields = z.object({
  mode: z.enum(["new", "import", "duplicate"]),
  title: z.string().max(500).optional(),
  id: z.string().max(500).optional(),
  from: z.string().max(200).optional(),
});

export type NewFormValues = { title: string; id: string };

async function readNewForm(request: Request): Promise<FormData> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readForm(request);
  try {
    // A little over the limit, so that the use case names the size rather than the parser.
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_SOURCE_BYTES + 1024 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new WorkspaceError(413, `The file is larger than ${MAX_SOURCE_BYTES / 1024} KB, the limit for one scenario.`, "file");
    throw new WorkspaceError(400, "The form could not be read. Choose the file again and retry.", "file");
  }
}

async function fileText(value: FormDataEntryValue | null): Promise<{ name: string; text: string }> {
  if (!value || typeof value === "string" || value.size === 0) throw new WorkspaceError(400, "Choose an .mdx file to import.", "file");
  try {
    return { name: value.name, text: new TextDecoder("utf-8", { fatal: true }).decode(await value.arrayBuffer()) };
  } catch {
    throw new WorkspaceError(400, "This file is not text in UTF-8: choose the .mdx file of a scenario.", "file");
  }
}

/** Creates, copies or imports from the posted form; returns the new scenario's id. */
export async function submitNewScenario(request: Request, actor: number): Promise<{ id: string } | { error: WorkspaceError; values: NewFormValues }> {
  let values: NewFormValues = { title: "", id: "" };
  try {
    const form = await readNewForm(request);
    const parsed = Fields.safeParse({ mode: form.get("mode"), title: form.get("title") ?? undefined, id: form.get("id") ?? undefined, from: form.get("from") ?? undefined });
    if (!parsed.success) throw new WorkspaceError(400, "The form is incomplete: reload the page and try again.");
    const { mode, from } = parsed.data;
    values = { title: parsed.data.title?.trim() ?? "", id: parsed.data.id?.trim() ?? "" };
    if (mode === "import") {
      const file = await fileText(form.get("file"));
      return { id: await importScenario({ source: file.text, fileName: file.name, id: values.id || null }, actor) };
    }
    if (mode === "duplicate") {
      if (!from) throw new WorkspaceError(400, "The form does not say which scenario to copy: go back to the library and choose Duplicate again.");
      return { id: await duplicateScenario(from, { id: values.id }, actor) };
    }
    return { id: await createScenario({ id: values.id || idFromTitle(values.title), title: values.title }, actor) };
  } catch (error) {
    if (error instanceof WorkspaceError) return { error, values };
    throw error;
  }
}
