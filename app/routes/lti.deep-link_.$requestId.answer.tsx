import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { i18next } from "~/i18n/i18next.server";
import { deepLinkResponse } from "~/lti/deep-linking.server";
import { readForm } from "~/utils/form.server";
import "~/locales/en/lti";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A resource route: a document POST to a page route would render the page again instead of this answer.
// The answer is a form the browser posts to the platform's return URL at once (form-action allows registered platforms
// on this path only); without JavaScript the person presses Continue.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const choice = form.get("choice");
  const t = await i18next.getFixedT(request);
  const answer = typeof choice === "string" ? await deepLinkResponse(params.requestId ?? "", user.id, choice, new URL(request.url).origin) : null;
  if (!answer) {
    return new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(t("lti.deepLink.title"))}</title><link rel="stylesheet" href="/plain.css"></head><body><main class="plain"><p>${escapeHtml(t("lti.deepLink.gone"))}</p></main></body></html>`, {
      status: 410,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(t("lti.deepLink.title"))}</title><link rel="stylesheet" href="/plain.css"></head>
<body><main class="plain"><p>${escapeHtml(t("lti.deepLink.sending"))}</p>
<form id="deep-link-answer" method="post" action="${escapeHtml(answer.returnUrl)}"><input type="hidden" name="JWT" value="${escapeHtml(answer.jwt)}"><button type="submit">${escapeHtml(t("lti.deepLink.continue"))}</button></form>
<script nonce="${escapeHtml(context.cspNonce)}">document.getElementById("deep-link-answer").submit();</script></main></body></html>`;
  return new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

