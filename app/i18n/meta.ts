import type { TFunction } from "i18next";
import { fallbackLanguage, supportedLanguages, type Locale } from "./config";
import { translatorFor } from "./translate";

// Meta functions run outside React, on the server and in the browser, so they cannot use the
// useTranslation hook.

type RootMatch = { id: string; data?: unknown };

/** The page's language, as the root loader decided it; the fallback before that has run. */
function localeOf(matches: readonly RootMatch[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data;
  const locale = data && typeof data === "object" && "locale" in data ? data.locale : undefined;
  return supportedLanguages.find((supported) => supported === locale) ?? fallbackLanguage;
}

/**
 * The document title for a page: `name` (already translated, or a function of `t`) followed by
 * the product's name, in the page's language.
 */
export function pageTitle(matches: readonly RootMatch[], name: (t: TFunction) => string): [{ title: string }] {
  const t = translatorFor(localeOf(matches));
  return [{ title: t("meta.title", { page: name(t) }) }];
}

/** The title of pages that name no page of their own (error pages): the product's name. */
export function productTitle(matches: readonly RootMatch[]): [{ title: string }] {
  return [{ title: translatorFor(localeOf(matches))("app.name") }];
}
