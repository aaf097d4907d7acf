import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildCatalogue, matchesFilters, readCatalogueFilters, type CatalogueCard } from "~/attempts/practice-cards.server";
import { requireRole } from "~/auth/session.server";
import { assignedFor } from "~/assignments/trainee.server";
import { AssignedBadge, AssignedSection } from "~/components/assignments/assigned-section";
import assignmentStyles from "~/styles/assignments.css";
import { ReviewDue } from "~/components/review/review-due";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { PersonaBadge, PersonaFace } from "~/components/scenario/persona-badge";
import { TeamGoal } from "~/components/team-game/team-goal";
import { CHANNELS, PERSONAS, SKILLS } from "~/engine/types";
import { pageTitle } from "~/i18n/meta";
import { reviewSummary } from "~/review/summary.server";
import { teamGoalOf } from "~/team-game/team-game.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.train"));
export const links = () => [{ rel: "stylesheet", href: assignmentStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const filters = readCatalogueFilters(new URL(request.url));
  const cards = await buildCatalogue(user.id);
  const shown = cards.filter((card) => matchesFilters(card, filters));
  const reviewsDue = (await reviewSummary(user.id, new Date())).due;
  const teamGoal = await teamGoalOf(user.teamId);
  const assigned = await assignedFor(user.id);
  return json({ displayName: user.displayName, cards: shown, total: cards.length, filters, reviewsDue, teamGoal, assigned });
}

function Card({ card, assigned = false }: { card: CatalogueCard; assigned?: boolean }) {
  const { t } = useTranslation();
  const href = card.inProgressAttemptId ? `/train/attempts/${card.inProgressAttemptId}` : `/train/scenarios/${card.id}`;
  return (
    <li className={`card scenario-card scenario-card--${card.persona}`}>
      <div className="scenario-card__top">
        <PersonaFace persona={card.persona} size={44} />
        <div>
          <h3 className="scenario-card__title">
            {/* The link stretches over the whole card (CSS), so the card is one large target. */}
            <Link to={href} className="scenario-card__link">
              {card.title}
              {card.inProgressAttemptId ? <span className="visually-hidden"> ({t("catalogue.inProgress")})</span> : null}
            </Link>
          </h3>
          <p className="scenario-card__meta">
            <PersonaBadge persona={card.persona} /> <ChannelLabel channel={card.channel} />
            {assigned ? <AssignedBadge /> : null}
          </p>
        </div>
      </div>
      <p className="scenario-card__summary">{card.summary}</p>
      <ul className="tag-list" aria-label={t("catalogue.skills")}>
        {card.skills.map((skill) => (
          <li key={skill} className={`tag tag--${skill}`}>
            {t(`skills.${skill}.name`)}
          </li>
        ))}
      </ul>
      <p className="scenario-card__facts">
        <span className="difficulty">
          <span aria-hidden="true">
            {[1, 2, 3].map((level) => (
              <span key={level} className={level <= card.difficulty ? "difficulty__dot difficulty__dot--on" : "difficulty__dot"} />
            ))}
          </span>
          {t(`catalogue.levels.l${card.difficulty}`)}
        </span>
        <span>{t("catalogue.minutes", { count: card.minutes })}</span>
        {card.best !== null ? <span>{t("catalogue.best", { score: card.best })}</span> : card.inProgressAttemptId ? null : <span>{t("catalogue.notTried")}</span>}
        {card.attempts > 0 ? <span>{t("catalogue.attempts", { count: card.attempts })}</span> : null}
      </p>
      <p className="scenario-card__actions" aria-hidden="true">
        {card.inProgressAttemptId ? <span className="badge badge--progress">{t("catalogue.inProgress")}</span> : null}
        <span className="scenario-card__cta">{card.inProgressAttemptId ? t("catalogue.continue") : t("catalogue.start")} →</span>
      </p>
    </li>
  );
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
  const { displayName, cards, total, filters } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.persona || filters.channel || filters.skill);
  const { reviewsDue } = useLoaderData<typeof loader>();
  const { teamGoal } = useLoaderData<typeof loader>();
  const { assigned } = useLoaderData<typeof loader>();
  const assignedIds = new Set(assigned.flatMap((item) => item.scenarios.map((scenario) => scenario.id)));
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("trainee.title", { name: displayName })}</h1>
        <p className="lead">{t("trainee.intro")}</p>
      </header>
      <AssignedSection items={assigned} />
      <ReviewDue due={reviewsDue} />
      {teamGoal ? <TeamGoal {...teamGoal} compact /> : null}
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
              <Card key={card.id} card={card} assigned={assignedIds.has(card.id)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
