import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { xpRulesPage } from "~/game/views.server";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/game";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("game.xpPage.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const page = await xpRulesPage();
  if (!page.html) throw new Response("Not Found", { status: 404 });
  return json(page);
}

export default function HowXpWorks() {
  const { t } = useTranslation();
  const { html, dailyCap, weeklyGoal } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("game.xpPage.title")}</h1>
        <p className="lead">{t("game.xpPage.inForce", { cap: dailyCap, goal: weeklyGoal })}</p>
      </header>
      {/* Rendered on the server from content/how-xp-works.md after the markdown allow-list (guides/guide-check.ts). */}
      <article className="card prose" dangerouslySetInnerHTML={{ __html: html ?? "" }} />
      <p>
        <Link to="/train">{t("game.xpPage.back")}</Link>
      </p>
    </div>
  );
}
