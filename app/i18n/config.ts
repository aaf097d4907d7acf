import type { InitOptions } from "i18next";
import en from "~/locales/en";

/** English only for now; a new language is one more file in app/locales listed here. */
export const resources = { en } as const;
export type Locale = keyof typeof resources;
export const supportedLanguages = Object.keys(resources) as Locale[];
export const fallbackLanguage: Locale = "en";

export const i18nConfig = {
  supportedLngs: supportedLanguages,
  fallbackLng: fallbackLanguage,
  defaultNS: "common",
  ns: ["common"],
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;
