import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildHomeView } from "~/attempts/home-view.server";
import { requireRole } from "~/auth/session.server";
import { AssignedSection } from "~/components/assignments/assigned-section";
import gameStyles from "~/components/game/game.css";
import { GameSummary } from "~/components/game/game-summary";
import { MasteryBars } from "~/components/game/mastery-bars";
import { NextUpCard } from "~/components/game/next-up";
import { ReviewDue } from "~/components/review/review-due";
import { ScenarioCard } from "~/components/scenario/scenario-card";
import { TeamGoal } from "~/components/team-game/team-goal";
import { CHANNELS, PERSONAS, SKILLS } from "~/domain/vocabulary";
import { pageTitle } from "~/i18n/meta";
import assignmentStyles from "~/styles/assignments.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.train"));
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: assignmentStyles },
  { rel: "stylesheet", href: gameStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  return json({ displayName: user.displayName, ...(await buildHomeView(user, new URL(request.url))) });
}

function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("catalogue.any")}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Catalogue() {
  const { t } = useTranslation();
  const { displayName, cards, total, filters, reviewsDue, teamGoal, assigned, assignedIds, game } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.persona || filters.channel || filters.skill);
  const assignedSet = new Set(assignedIds);
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("trainee.title", { name: displayName })}</h1>
        <p className="lead">{t("trainee.intro")}</p>
      </header>
      <AssignedSection items={assigned} />
      <ReviewDue due={reviewsDue} />
      <GameSummary game={game} />
      <NextUpCard next={game.nextUp} allMastered={game.skills.every((skill) => skill.mastered)} />
      {teamGoal ? <TeamGoal {...teamGoal} compact /> : null}
      <MasteryBars skills={game.skills} />
      {total === 0 ? (
        <p className="notice">{t("trainee.noScenarios")}</p>
      ) : (
        <section aria-labelledby="catalogue-title" className="stack">
          <h2 id="catalogue-title">{t("catalogue.title")}</h2>
          <Form method="get" className="filters" aria-label={t("catalogue.filters")}>
            <FilterSelect name="persona" label={t("catalogue.persona")} value={filters.persona} options={PERSONAS.map((p) => [p, t(`personas.${p}`)])} />
            <FilterSelect name="channel" label={t("catalogue.channel")} value={filters.channel} options={CHANNELS.map((c) => [c, t(`channels.${c}`)])} />
            <FilterSelect name="skill" label={t("catalogue.skill")} value={filters.skill} options={SKILLS.map((s) => [s, t(`skills.${s}.name`)])} />
            <div className="filters__actions">
              <button type="submit" className="button">
                {t("catalogue.apply")}
              </button>
              {filtered ? (
                <Link to="/train" className="button button--quiet">
                  {t("catalogue.clear")}
                </Link>
              ) : null}
            </div>
          </Form>
          <p className="muted" role="status">
            {t("catalogue.showing", { count: cards.length, total })}
          </p>
          {cards.length === 0 ? <p className="notice">{t("catalogue.noMatch")}</p> : null}
          <ul className="scenario-grid">
            {cards.map((card) => (
              <ScenarioCard key={card.id} card={card} assigned={assignedSet.has(card.id)} lockedBy={game.locks[card.id]} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
