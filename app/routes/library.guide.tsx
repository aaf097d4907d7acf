import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { renderContentPage } from "~/guides/content-page.server";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/workspace";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("workspace.guide.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  const html = await renderContentPage("writing-scenarios");
  if (!html) throw new Response("Not Found", { status: 404 });
  return json({ html });
}

export default function WritingGuide() {
  const { t } = useTranslation();
  const { html } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <p>
          <Link to="/library">← {t("trainer.title")}</Link>
        </p>
        <h1>{t("workspace.guide.title")}</h1>
      </header>
      {/* Rendered on the server from content/writing-scenarios.md after the markdown allow-list (guides/guide-check.ts). */}
      <article className="card prose" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
