import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DebriefView } from "~/attempts/debrief-view.server";
import { formatDate } from "~/utils/dates";
import { ChannelLabel } from "./channel-label";
import { CsatStars } from "./csat-stars";
import { PersonaFace } from "./persona-badge";
import { CustomerMessages } from "./conversation";
import { SkillBar } from "./skill-bar";

// Plain data in, markup out: managers see the very same debrief read-only, with the headings
// naming the trainee (`trainee`) instead of addressing the reader.
/** `game`: the trainee's XP and what was reached, shown above the actions (trainees only). */
type Props = { debrief: DebriefView; actions?: ReactNode; trainee?: string; game?: ReactNode };

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}

/** Which note the result card gives about the time limit: none when every reply had the normal one. */
function timingNote(debrief: DebriefView): "extended" | "none" | "mixed" | null {
  const used = new Set([...debrief.turns.map((turn) => turn.timing ?? "normal"), debrief.timing]);
  if (used.size > 1) return "mixed";
  return debrief.timing === "normal" ? null : debrief.timing;
}

type Turn = DebriefView["turns"][number];

/** Every reply offered at a turn, in the order the trainee saw them (a disclosure: it works without JavaScript). */
function OfferedReplies({ turn }: { turn: Turn }) {
  const { t } = useTranslation();
  if (turn.offered.length < 2) return null;
  return (
    <details className="review__offered">
      <summary>{t("debrief.offered")}</summary>
      <ol className="offered-list">
        {turn.offered.map((reply) => (
          <li key={reply.id} className={reply.chosen ? "offered offered--chosen" : "offered"}>
            <div className="offered__text" dangerouslySetInnerHTML={{ __html: reply.html }} />
            {reply.chosen || reply.best ? (
              <p className="offered__tags">
                {reply.chosen ? <span className="offered__tag offered__tag--chosen">{t("debrief.offeredChosen")}</span> : null}
                {reply.best ? <span className="offered__tag offered__tag--best">{t("debrief.offeredBest")}</span> : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function Debrief({ debrief, actions, trainee, game }: Props) {
  const { t, i18n } = useTranslation();
  const { ending } = debrief;
  const timing = timingNote(debrief);
  return (
    <div className="stack-lg debrief">
      <header className="page-header brief-header">
        <PersonaFace persona={debrief.scenario.persona} size={64} />
        <div>
          <h1>{t("debrief.title", { title: debrief.scenario.title })}</h1>
          <p className="scenario-card__meta">
            <ChannelLabel channel={debrief.scenario.channel} /> · {debrief.scenario.customer}
            {debrief.endedAt ? <> · {formatDate(debrief.endedAt, i18n.language)}</> : null}
          </p>
        </div>
      </header>

      <section className={`card debrief__result debrief__result--${ending.outcome}`} aria-labelledby="result-title">
        <div className="debrief__outcome">
          <h2 id="result-title">
            {t("debrief.outcome")}: {t(`debrief.outcomes.${ending.outcome}`)}
          </h2>
          <CsatStars stars={ending.csat} />
          <p className={ending.resolved ? "badge badge--ok" : "badge badge--muted"}>
            {ending.resolved ? t("debrief.resolved") : t("debrief.notResolved")}
          </p>
        </div>
        <div className="debrief__overall">
          <p className="debrief__overall-label">{t("debrief.overall")}</p>
          <p className="debrief__overall-score">{debrief.overall ?? "—"}</p>
        </div>
        <p className="debrief__explain muted">{t("debrief.scoreVersusOutcome")}</p>
        {timing ? <p className="debrief__explain debrief__timing">{t(`debrief.timingOf.${timing}`)}</p> : null}
        <div className="debrief__epilogue">
          <h3>{t("debrief.epilogue")}</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: ending.html }} />
        </div>
      </section>

      <section className="card stack" aria-labelledby="skills-title">
        <h2 id="skills-title">{trainee ? t("debrief.skillsOf", { name: trainee }) : t("debrief.skills")}</h2>
        <div className="skill-rows">
          {debrief.skills.map((row) => (
            <SkillBar key={row.skill} skill={row.skill} score={row.score} />
          ))}
        </div>
        {debrief.perfect ? <p className="notice notice--ok">{t(trainee ? "debrief.perfectFor" : "debrief.perfect", { name: trainee })}</p> : null}
        {debrief.weakest.length > 0 ? (
          <div className="debrief__guides">
            <h3>{t(trainee ? "debrief.practiseFor" : "debrief.practise", { name: trainee, count: debrief.weakest.length })}</h3>
            <ul className="link-list">
              {debrief.weakest.map((skill) => (
                <li key={skill}>
                  <Link to={`/guides/${skill}`}>{t("debrief.readGuide", { skill: t(`skills.${skill}.name`) })}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {game}
      {actions}

      <section className="stack" aria-labelledby="turns-title">
        <h2 id="turns-title">{t("debrief.transcript")}</h2>
        <ol className="review-list">
          {debrief.turns.map((turn) => (
            <li key={turn.turn} className={`card review review--${turn.reply.rating ?? "none"}`}>
              <h3 className="review__title">
                {t("debrief.turn", { turn: turn.turn })}
                <span className={`rating rating--${turn.reply.rating ?? "none"}`}>{t(`debrief.rating.${turn.reply.rating ?? "none"}`)}</span>
              </h3>
              <CustomerMessages
                as="div"
                channel={debrief.scenario.channel}
                customer={debrief.scenario.customer}
                lines={turn.customer.map((html, index) => ({ key: `${turn.turn}:${index}`, html }))}
              />
              <div className="bubble bubble--reply">
                <span className="bubble__who">
                  {trainee ?? t("play.you")}
                  {turn.responseMs !== null ? ` · ${t("debrief.responseTime", { seconds: seconds(turn.responseMs) })}` : null}
                  {turn.late ? ` (${t("debrief.late")})` : null}
                  {timing === "mixed" && turn.timing ? ` · ${t(`debrief.turnTiming.${turn.timing}`)}` : null}
                </span>
                <div className="bubble__text" dangerouslySetInnerHTML={{ __html: turn.reply.html }} />
              </div>
              {turn.reply.feedback ? <p className="review__feedback">{turn.reply.feedback}</p> : null}
              {turn.best ? (
                <div className="review__best">
                  <p className="review__best-label">{t("debrief.bestWas")}</p>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: turn.best.html }} />
                  {turn.best.feedback ? <p className="muted">{turn.best.feedback}</p> : null}
                </div>
              ) : null}
              <OfferedReplies turn={turn} />
              {turn.coach ? (
                <aside className="review__coach" aria-label={t("debrief.coach")}>
                  <p className="review__coach-label">{t("debrief.coach")}</p>
                  <div className="prose" dangerouslySetInnerHTML={{ __html: turn.coach }} />
                </aside>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
