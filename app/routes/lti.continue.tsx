import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { continueLaunch } from "~/lti/handoff.server";
import "~/locales/en/lti";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Where a launch leads first (app/lti/handoff.server.ts): on, or a link that opens Frontline in a window of its own.
export async function loader({ request }: LoaderFunctionArgs) {
  const next = await continueLaunch(request);
  const noStore = { "Cache-Control": "no-store" };
  if (next.kind === "go") return redirect(next.to, { headers: next.setCookie ? { ...noStore, "Set-Cookie": next.setCookie } : noStore });
  const t = await i18next.getFixedT(request);
  const body =
    next.kind === "gone"
      ? `<p>${escapeHtml(t("lti.handoff.gone"))}</p>`
      : `<p>${escapeHtml(t("lti.handoff.blocked"))}</p><p><a href="${escapeHtml(next.href)}" target="_blank" rel="noopener">${escapeHtml(t("lti.handoff.open"))}</a></p><p>${escapeHtml(t("lti.handoff.after"))}</p>`;
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t("meta.title", { page: t("lti.handoff.title") }))}</title><link rel="stylesheet" href="/plain.css"></head><body><main class="plain"><h1>${escapeHtml(t("lti.handoff.title"))}</h1>${body}</main></body></html>`,
    { status: next.kind === "gone" ? 410 : 200, headers: { ...noStore, "Content-Type": "text/html; charset=utf-8" } },
  );
}
