import { createHash } from "node:crypto";

/** Content hash of a scenario source: sha256 of its UTF-8 bytes, hex. */
export function contentHash(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex");
}
