/**
 * The one way actions read a posted form. The request guard (app/server/request-guard.ts) has
 * already checked the type and size; a body that still cannot be read as a form (a multipart body
 * that does not match its boundary, say) is the client's mistake, so it gets a 400, never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    // eslint-disable-next-line no-restricted-syntax -- this is the one place that reads a form
    return await request.formData();
  } catch {
    throw new Response("The form could not be read. Go back and send it again from its page.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
