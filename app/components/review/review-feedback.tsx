import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CustomerMessages } from "~/components/scenario/conversation";
import { PersonaFace } from "~/components/scenario/persona-badge";
import type { ReviewFeedbackView } from "~/review/review-view.server";
import { formatDate } from "~/utils/dates";
import "~/locales/en/review";

/** The answer to one review: how it went, both replies' feedback, and when the decision comes back. */
export function ReviewFeedback({ view }: { view: ReviewFeedbackView }) {
  const { t, i18n } = useTranslation();
  const { scenario, chosen, best } = view;
  return (
    <div className="stack-lg recall">
      <header className="page-header brief-header">
        <PersonaFace persona={scenario.persona} size={56} />
        <div>
          <p className="page-header__sub">{t("review.heading")}</p>
          <h1>{scenario.title}</h1>
        </div>
      </header>

      <section className={`card stack review review--${chosen.rating}`} aria-labelledby="recall-result">
        <h2 id="recall-result" className="review__title">
          {t(`review.feedback.${chosen.rating}`)}
        </h2>
        <div className="recall__moment" role="group" aria-label={t("review.feedback.moment", { name: scenario.customer })}>
          <CustomerMessages as="div" channel={scenario.channel} customer={scenario.customer} lines={view.customer} />
        </div>
        <div className="bubble bubble--reply">
          <span className="bubble__who">{t("review.feedback.yourReply")}</span>
          <div className="bubble__text" dangerouslySetInnerHTML={{ __html: chosen.html }} />
        </div>
        {chosen.feedback ? <p className="review__feedback">{chosen.feedback}</p> : null}
        {best ? (
          <div className="review__best">
            <p className="review__best-label">{t("review.feedback.bestReply")}</p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: best.html }} />
            {best.feedback ? <p className="muted">{best.feedback}</p> : null}
          </div>
        ) : null}
      </section>

      <div className="card stack">
        <p className="recall__when">{t("review.feedback.comesBack", { date: formatDate(view.nextDueAt, i18n.language) })}</p>
        <p className="muted">
          {t("review.feedback.comesBackWhy")} {t("review.scoresNote")}
        </p>
        {view.due === 0 ? <p>{t("review.feedback.done")}</p> : null}
        <div className="actions">
          {view.due > 0 ? (
            <Link to="/train/review" className="button button--primary">
              {t("review.feedback.next", { count: view.due })}
            </Link>
          ) : null}
          <Link to="/train" className={view.due > 0 ? "button" : "button button--primary"}>
            {t("review.feedback.home")}
          </Link>
        </div>
      </div>
    </div>
  );
}
