/** Plain requests (Node's fetch, no redirect following) for setting the bench up. */

export type Reply = { status: number; location: string | null; setCookies: string[]; text: string };

export type Requester = (path: string, options?: { method?: "GET" | "POST"; cookie?: string; form?: Record<string, string> }) => Promise<Reply>;

export function requester(base: string): Requester {
  return async (path, { method = "GET", cookie, form } = {}) => {
    const headers: Record<string, string> = { accept: "text/html" };
    if (cookie) headers.cookie = cookie;
    // The server refuses writes whose Origin is another site; ours is the one it compares with.
    if (method !== "GET") {
      headers.origin = base;
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: method === "GET" ? undefined : new URLSearchParams(form ?? {}).toString(),
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    return {
      status: response.status,
      location: response.headers.get("location"),
      setCookies: response.headers.getSetCookie(),
      text: await response.text(),
    };
  };
}

/** `name=value` of the named cookie among Set-Cookie headers, for a Cookie request header. */
export function cookieFrom(setCookies: readonly string[], name: string): string | null {
  for (const header of setCookies) {
    const pair = header.split(";")[0]?.trim() ?? "";
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

/** A header's value from autocannon's response headers (raw-cased keys, possibly repeated). */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  if (!headers) return null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === "string") return value;
    if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  }
  return null;
}

/** Signs in through the form and returns the session cookie for later requests. */
export async function signInCookie(request: Requester, { email, password }: { email: string; password: string }): Promise<string> {
  const signedIn = await request("/sign-in", { method: "POST", form: { email, password } });
  const cookie = cookieFrom(signedIn.setCookies, "frontline_session");
  if (!cookie) throw new Error(`sign-in as ${email} failed (${signedIn.status})`);
  return cookie;
}
