import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "~/i18n/config";
import { receiveCopy } from "~/i18n/feature-copy";
import { core } from "~/locales/en/core";

async function hydrate() {
  const lng = document.documentElement.lang;
  await i18next.use(initReactI18next).init({
    ...i18nConfig,
    resources: { en: { common: core } },
    lng,
    ns: getInitialNamespaces(),
  });
  // The feature copy the route modules registered as they loaded, and from now on what later
  // navigations load (app/i18n/feature-copy.ts).
  const add = (copy: Record<string, object>) => i18next.addResourceBundle(lng, "common", copy, true, true);
  add(receiveCopy(add));
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
