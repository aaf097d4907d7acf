const PLACEHOLDER_ORIGIN = "http://frontline.invalid";

function isUnsafeCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f || character === "\\";
}

/**
 * Only same-site paths: "/x" yes; "//evil.example", "https://…", "/\\evil" and paths hiding
 * control characters (browsers drop tabs and newlines, turning "/\t/evil" into "//evil") no.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined): string | null {
  if (typeof target !== "string" || !target.startsWith("/") || [...target].some(isUnsafeCharacter)) return null;
  let url: URL;
  try {
    url = new URL(target, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
