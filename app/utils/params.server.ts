import * as z from "zod";

const PositiveId = z.coerce.number().int().positive();

/** A record id from the URL, or a 404 page: a malformed id names nothing that exists. */
export function idParamOr404(value: string | undefined): number {
  const id = PositiveId.safeParse(value);
  if (!id.success) throw new Response("Not found", { status: 404 });
  return id.data;
}
