import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, i18nConfig, supportedLanguages } from "./config";
import { resources } from "./resources";

export const i18next = new RemixI18Next({
  detection: { supportedLanguages, fallbackLanguage },
  i18next: { ...i18nConfig, resources },
});
