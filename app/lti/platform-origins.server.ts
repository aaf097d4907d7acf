import { listPlatforms } from "~/models/lti-platform.server";

/**
 * The web origins of registered platforms, for the CSP: frame-ancestors (they frame Frontline) and the deep linking
 * page's form-action (it posts back to them). Read on every request, so kept in memory for a short while; a change on
 * the admin page clears this process's copy at once, other worker processes' within MAX_AGE_MS.
 */

const MAX_AGE_MS = 5_000;
// On globalThis, like the database handle: the Express entry and the Remix bundle each have their own copy of this
// module, and the admin page (Remix) must clear the copy the headers (Express) read.
type Cache = { at: number; origins: string[] } | null;
const holder = globalThis as typeof globalThis & { __frontlinePlatformOrigins?: Cache };

function originOf(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

export async function platformOrigins(now: number = Date.now()): Promise<string[]> {
  const cached = holder.__frontlinePlatformOrigins;
  if (cached && now - cached.at < MAX_AGE_MS) return cached.origins;
  const platforms = await listPlatforms();
  // The issuer is usually the platform's own address; the authorization endpoint is where its pages are served.
  const origins = new Set(platforms.flatMap((platform) => [originOf(platform.issuer), originOf(platform.authUrl)]).filter((origin) => origin !== null));
  const sorted = [...origins].sort();
  holder.__frontlinePlatformOrigins = { at: now, origins: sorted };
  return sorted;
}

export function forgetPlatformOrigins(): void {
  holder.__frontlinePlatformOrigins = null;
}
