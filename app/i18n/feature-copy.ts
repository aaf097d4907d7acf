/**
 * A feature's copy reaches the browser only with the modules that use it. The core copy ships
 * with every page (app/locales/en/core.ts); a feature's file under app/locales/en/ calls
 * `registerCopy` when it is loaded, and every module that uses its keys imports that file, so
 * the copy lands in those modules' chunks and not in the play page's JavaScript.
 *
 * In the browser, route modules load before i18next starts (Remix imports them first), so what
 * they register is kept here and given to i18next at start-up; a route loaded later, by a
 * client-side navigation, adds its copy as it loads, before it renders. On the server every
 * feature's copy is in the resources already (app/locales/en.ts), and this is a no-op record.
 */
type Copy = Record<string, object>;

const registered: Copy = {};
let deliver: ((copy: Copy) => void) | null = null;

export function registerCopy(copy: Copy): void {
  Object.assign(registered, copy);
  deliver?.(copy);
}

/** Everything registered so far, and from now on every later registration, go to `add`. */
export function receiveCopy(add: (copy: Copy) => void): Copy {
  deliver = add;
  return { ...registered };
}
