import { createInstance, type TFunction } from "i18next";
import { core } from "~/locales/en/core";
import { i18nConfig, type Locale } from "./config";
import { receiveCopy } from "./feature-copy";

// For text made outside React (meta functions, command-line tools): one small instance per
// language, made on first use. React components use the useTranslation hook instead.
//
// Meta functions also run in the browser, so this must not import the whole copy: it starts from
// the core and every feature's copy registered so far (all of them on the server, where
// app/locales/en.ts is loaded; the current routes' in the browser), and takes later ones as they come.
const translators = new Map<Locale, TFunction>();

export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const instance = createInstance();
    const add = (copy: Record<string, object>) => instance.addResourceBundle(locale, "common", copy, true, true);
    // Resources are in the bundle, so initialisation is synchronous.
    void instance.init({ ...i18nConfig, resources: { [locale]: { common: core } }, lng: locale, initImmediate: false });
    add(receiveCopy(add));
    t = instance.getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}
