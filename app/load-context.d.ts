import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce, also named in the Content-Security-Policy header. */
    cspNonce: string;
    /** The client's address as Express sees it (honouring TRUST_PROXY). */
    clientIp: string;
  }
}
