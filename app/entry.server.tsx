import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18next } from "~/i18n/i18next.server";
import { renderInstanceFor } from "~/i18n/render-instance.server";
import { CoalescingStream } from "~/utils/coalescing-stream.server";
import { NonceProvider } from "~/utils/nonce";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  privateUnlessSet(responseHeaders);
  const instance = await renderInstanceFor(await i18next.getLocale(request));

  // Bots get the whole document at once; people get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Armed only once the render has started, below: a render that throws at once must leave no timer behind
    // (one that called a missing `abort` 5 s later would throw outside any handler and end the process).
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const respond = () => {
      shellRendered = true;
      // One chunk per burst of rendering, not one per 2 KB: see CoalescingStream.
      const body = new CoalescingStream();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          // Done rendering: let go of the abort timer (and with it, the whole render) now.
          settled = true;
          clearTimeout(abortTimer);
          if (waitForAll) respond();
        },
        onShellError(error: unknown) {
          settled = true;
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged; before it they reach Remix's error handling.
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!settled) abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Pages and their data show people's names, scores and drafts: no shared cache may keep them, and a browser keeps none
 * after the tab is gone. A route that knows better (a public asset, the certificate check) sets its own.
 */
function privateUnlessSet(headers: Headers): void {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
}

export function handleDataRequest(response: Response): Response {
  privateUnlessSet(response.headers);
  return response;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error instanceof Error ? error.stack : error);
}
