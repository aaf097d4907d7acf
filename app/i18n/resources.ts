/**
 * Every language's whole copy, for the server and command-line tools. Never import this from a
 * module that runs in the browser: the browser gets the core and each route's own feature copy
 * (app/i18n/feature-copy.ts), which keeps the play page's JavaScript small.
 */
import en from "~/locales/en";
import type { Locale } from "./config";

export const resources = { en } as const satisfies Record<Locale, unknown>;
