/** Only same-site paths: "/x" yes; "//evil.example", "https://…", "/\\evil" no. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined): string | null {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return null;
  return target;
}
