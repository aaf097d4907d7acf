import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nConfig } from "./config";
import { resources } from "./resources";

// Rendering only reads translations and never changes an instance's language, so one initialised
// instance per language serves every request (a fresh instance per document cost a measurable
// share of each page's server time).
const instances = new Map<string, Promise<i18n>>();

export function renderInstanceFor(lng: string): Promise<i18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, resources, lng })
      .then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}
