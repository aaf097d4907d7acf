import { createContext, useContext } from "react";

// Browsers hide nonce attributes from scripts, so on the client the nonce is empty: that is fine,
// React only needs it while rendering on the server.
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
