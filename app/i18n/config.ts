import type { InitOptions } from "i18next";
/** English only for now; a new language is one more file in app/locales, listed here and in resources.ts. */
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const supportedLanguages: Locale[] = [...LOCALES];
export const fallbackLanguage: Locale = "en";

export const i18nConfig = {
  supportedLngs: supportedLanguages,
  fallbackLng: fallbackLanguage,
  defaultNS: "common",
  ns: ["common"],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;
