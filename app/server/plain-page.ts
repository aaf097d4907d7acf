import type { Request } from "express";
import { fallbackLanguage, supportedLanguages, type Locale } from "~/i18n/config";
// Registers every feature's copy for the translator (it starts from the core only).
import "~/i18n/resources";
import { translatorFor } from "~/i18n/translate";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type PlainMessage =
  | { title: "errors.serverTitle"; message: "errors.serverPlainBody" }
  | { title: "errors.refusedTitle"; message: "errors.refusedBody" }
  | { title: "errors.tooLargeTitle"; message: "errors.tooLargeBody" }
  | { title: "errors.formTooLargeTitle"; message: "errors.formTooLargeBody" }
  | { title: "errors.sourceTooLargeTitle"; message: "errors.sourceTooLargeBody" }
  | { title: "errors.badRequestTitle"; message: "errors.badRequestPlainBody" }
  | { title: "errors.methodTitle"; message: "errors.methodBody" }
  | { title: "errors.mediaTypeTitle"; message: "errors.mediaTypeBody" }
  | { title: "errors.lengthTitle"; message: "errors.lengthBody" };

/**
 * A minimal styled page for answers given before Remix runs (refused requests, server errors), in
 * the best language the browser asks for.
 */
export function plainPage(req: Request, { title, message }: PlainMessage): string {
  const locale = (req.acceptsLanguages(...supportedLanguages) || fallbackLanguage) as Locale;
  const t = translatorFor(locale);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t("meta.title", { page: t(title) }))}</title><link rel="stylesheet" href="/plain.css"></head>
<body><main class="plain"><h1>${escapeHtml(t(title))}</h1><p>${escapeHtml(t(message))}</p>
<p><a href="/">${escapeHtml(t("errors.backToApp"))}</a></p></main></body></html>`;
}
