import { useEffect, useState } from "react";

/**
 * False in the server's HTML and the first render in the browser, true once React has hydrated:
 * for controls that only work with JavaScript, so the page without it never shows a dead button.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
