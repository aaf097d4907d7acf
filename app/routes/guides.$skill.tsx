import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { skillsAssessed } from "~/attempts/practice-cards.server";
import { requireUser } from "~/auth/session.server";
import { findGuide } from "~/guides/guides.server";
import { pageTitle } from "~/i18n/meta";
import { getLibrary } from "~/library/catalog.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.guide.title ?? t("meta.guide"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const guide = await findGuide(params.skill);
  if (!guide) throw new Response("Not found", { status: 404 });
  const library = await getLibrary();
  const scenarios = library.scenarios
    .filter((entry) => skillsAssessed(entry).includes(guide.skill))
    .map((entry) => ({ id: entry.scenario.id, title: entry.scenario.title, summary: entry.scenario.summary }));
  return json({ guide, scenarios, canPlay: user.role !== "manager" });
}

export default function GuidePage() {
  const { t } = useTranslation();
  const { guide, scenarios, canPlay } = useLoaderData<typeof loader>();
  return (
    <article className="stack-lg narrow-wide">
      <p>
        <Link to="/guides">← {t("guides.back")}</Link>
      </p>
      <header className="page-header">
        <h1>{guide.title}</h1>
        <p className="lead">{guide.summary}</p>
      </header>
      <div className="card prose guide" dangerouslySetInnerHTML={{ __html: guide.html }} />
      <section className="stack" aria-labelledby="practise-title">
        <h2 id="practise-title">{t("guides.practise")}</h2>
        {scenarios.length === 0 ? <p className="muted">{t("guides.none")}</p> : null}
        <ul className="link-list">
          {scenarios.map((scenario) => (
            <li key={scenario.id}>
              {canPlay ? <Link to={`/train/scenarios/${scenario.id}`}>{scenario.title}</Link> : <strong>{scenario.title}</strong>}
              <span className="muted"> — {scenario.summary}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
