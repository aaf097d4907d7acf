import { createInstance, type TFunction } from "i18next";
import { i18nConfig, type Locale } from "./config";
import { resources } from "./resources";

// For text made outside React (meta functions, command-line tools): one small instance per
// language, made on first use. React components use the useTranslation hook instead.
const translators = new Map<Locale, TFunction>();

export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const instance = createInstance();
    // Resources are in the bundle, so initialisation is synchronous.
    void instance.init({ ...i18nConfig, resources, lng: locale, initImmediate: false });
    t = instance.getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}
