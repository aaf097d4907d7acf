import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildHomeView } from "~/attempts/home-view.server";
import { guestPlayer, PLAYER_ROLES } from "~/attempts/players.server";
import { filteredCatalogue, type CatalogueCard, type CatalogueFilters } from "~/attempts/practice-cards.server";
import { requireRole } from "~/auth/session.server";
import { AssignedSection } from "~/components/assignments/assigned-section";
import gameStyles from "~/components/game/game.css";
import { GameSummary } from "~/components/game/game-summary";
import { MasteryBars } from "~/components/game/mastery-bars";
import { NextUpCard } from "~/components/game/next-up";
import { ReviewDue } from "~/components/review/review-due";
import { ScenarioCard } from "~/components/scenario/scenario-card";
import { TeamGoal } from "~/components/team-game/team-goal";
import { CHANNELS, PERSONAS, SKILLS, type Persona } from "~/domain/vocabulary";
import { pageTitle } from "~/i18n/meta";
import assignmentStyles from "~/styles/assignments.css";
import "~/locales/en/trainer-play";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data && "guest" in data ? t("trainerPlay.title") : t("nav.train")));
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: assignmentStyles },
  { rel: "stylesheet", href: gameStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const url = new URL(request.url);
  const guest = guestPlayer(user.role);
  // A trainer or admin gets the catalogue alone: nothing of the game is computed for them.
  if (guest) return json({ guest, ...(await filteredCatalogue(user.id, url)) });
  return json({ displayName: user.displayName, ...(await buildHomeView(user, url)) });
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

type CatalogueProps = {
  cards: CatalogueCard[];
  total: number;
  filters: CatalogueFilters;
  assignedIds?: readonly string[];
  locks?: Readonly<Record<string, { persona: Persona; opener: string | null }>>;
};

/** The filters and the scenario cards: the trainee's home and a trainer's catalogue both show it. */
function CatalogueSection({ cards, total, filters, assignedIds = [], locks = {} }: CatalogueProps) {
  const { t } = useTranslation();
  const filtered = Boolean(filters.persona || filters.channel || filters.skill);
  const assignedSet = new Set(assignedIds);
  if (total === 0) return <p className="notice">{t("trainee.noScenarios")}</p>;
  return (
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
          <ScenarioCard key={card.id} card={card} assigned={assignedSet.has(card.id)} lockedBy={locks[card.id]} />
        ))}
      </ul>
    </section>
  );
}

export default function Catalogue() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  if ("guest" in data) {
    return (
      <div className="stack-lg">
        <header className="page-header">
          <h1>{t("trainerPlay.title")}</h1>
          <p className="lead">{t("trainerPlay.intro")}</p>
        </header>
        <p className="notice notice--info" role="note">
          {t(`trainerPlay.catalogueNote.${data.guest}`)}
        </p>
        <CatalogueSection cards={data.cards} total={data.total} filters={data.filters} />
      </div>
    );
  }
  const { displayName, cards, total, filters, reviewsDue, teamGoal, assigned, assignedIds, game } = data;
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
      <CatalogueSection cards={cards} total={total} filters={filters} assignedIds={assignedIds} locks={game.locks} />
    </div>
  );
}
