import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CatalogueCard } from "~/attempts/practice-cards.server";
import { AssignedBadge } from "~/components/assignments/assigned-section";
import type { Persona } from "~/domain/vocabulary";
import { GOOD_RESULT } from "~/game/next-up";
import "~/locales/en/game";
import { ChannelLabel } from "./channel-label";
import { PersonaBadge, PersonaFace } from "./persona-badge";

type Props = {
  card: CatalogueCard;
  assigned?: boolean;
  /** Locked for the trainee's own pick until a good result with this kind of customer at difficulty 2 (`opener`: a scenario that can give it). */
  lockedBy?: { persona: Persona; opener: string | null };
};

/** One scenario of the catalogue. A locked one says why and has no start link (a direct link still opens it). */
export function ScenarioCard({ card, assigned = false, lockedBy }: Props) {
  const { t } = useTranslation();
  const href = card.inProgressAttemptId ? `/train/attempts/${card.inProgressAttemptId}` : `/train/scenarios/${card.id}`;
  const locked = lockedBy !== undefined && card.inProgressAttemptId === null;
  return (
    <li className={`card scenario-card scenario-card--${card.persona}${locked ? " scenario-card--locked" : ""}`}>
      <div className="scenario-card__top">
        <PersonaFace persona={card.persona} size={44} />
        <div>
          <h3 className="scenario-card__title">
            {locked ? (
              card.title
            ) : (
              // The link stretches over the whole card (CSS), so the card is one large target.
              <Link to={href} className="scenario-card__link">
                {card.title}
                {card.inProgressAttemptId ? <span className="visually-hidden"> ({t("catalogue.inProgress")})</span> : null}
              </Link>
            )}
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
      {locked ? (
        <p className="lock-note">
          <strong>{t("game.lock.label")}.</strong> {t("game.lock.reason", { score: GOOD_RESULT, persona: t(`game.lock.personas.${lockedBy.persona}`) })}
          {lockedBy.opener ? ` ${t("game.lock.tryFirst", { title: lockedBy.opener })}` : null}
        </p>
      ) : (
        <p className="scenario-card__actions" aria-hidden="true">
          {card.inProgressAttemptId ? <span className="badge badge--progress">{t("catalogue.inProgress")}</span> : null}
          <span className="scenario-card__cta">{card.inProgressAttemptId ? t("catalogue.continue") : t("catalogue.start")} →</span>
        </p>
      )}
    </li>
  );
}
