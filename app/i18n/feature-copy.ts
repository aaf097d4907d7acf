/**
 * A feature's copy reaches the browser only with the modules that use it. The core copy ships
 * with every page (app/locales/en/core.ts); a feature's file under app/locales/en/ calls
 * `registerCopy` when it is loaded, and every module that uses its keys imports that file, so
 * the copy lands in those modules' chunks and not in the play page's JavaScript.
 *
 * In the browser, route modules load before i18next starts (Remix imports them first), so what
 * they register is kept here and handed to each i18next instance when it starts (the React one
 * in entry.client.tsx, the one meta functions use in translate.ts); a route loaded later, by a
 * client-side navigation, adds its copy to them as it loads, before it renders. On the server,
 * app/locales/en.ts imports every feature's file, so all of them are registered.
 */
type Copy = Record<string, object>;

const registered: Copy = {};
const listeners = new Set<(copy: Copy) => void>();

export function registerCopy(copy: Copy): void {
  Object.assign(registered, copy);
  for (const listener of listeners) listener(copy);
}

/** Everything registered so far; from now on every later registration also goes to `add`. */
export function receiveCopy(add: (copy: Copy) => void): Copy {
  listeners.add(add);
  return { ...registered };
}
