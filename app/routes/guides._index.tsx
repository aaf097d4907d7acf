import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { listGuides } from "~/guides/guides.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.guides"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const guides = await listGuides();
  return json({ guides: guides.map(({ skill, title, summary }) => ({ skill, title, summary })) });
}

export default function Guides() {
  const { t } = useTranslation();
  const { guides } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("guides.title")}</h1>
        <p className="lead">{t("guides.intro")}</p>
      </header>
      <ul className="skill-grid">
        {guides.map((guide) => (
          <li key={guide.skill} className={`card skill-card skill-card--${guide.skill}`}>
            <h2 className="skill-card__title">
              <Link to={`/guides/${guide.skill}`} className="scenario-card__link">
                {guide.title}
              </Link>
            </h2>
            <p>{guide.summary}</p>
            <p className="skill-card__more" aria-hidden="true">
              {t("guides.read")} →
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
