import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { CustomerMessages } from "~/components/scenario/conversation";
import { PersonaFace } from "~/components/scenario/persona-badge";
import type { EarlierTurn, ReviewStepView } from "~/review/review-view.server";
import "~/locales/en/review";

// The earlier turns shown in full before the rest fold into a disclosure (it works without JavaScript).
const SHOWN_TURNS = 2;

function Turns({ turns, customer }: { turns: readonly EarlierTurn[]; customer: string }) {
  const { t } = useTranslation();
  return (
    <ol className="recall__turns">
      {turns.map((turn, index) => (
        <li key={index} className="recall__turn">
          <p>
            <span className="recall__who">{customer}:</span> {turn.customer}
          </p>
          <p>
            <span className="recall__who">{t("review.you")}:</span> {turn.reply}
          </p>
        </li>
      ))}
    </ol>
  );
}

function SoFar({ earlier, customer }: { earlier: ReviewStepView["earlier"]; customer: string }) {
  const { t } = useTranslation();
  if (earlier === null) return <p className="muted">{t("review.soFarUnknown")}</p>;
  if (earlier.length === 0) return <p className="muted">{t("review.soFarStart")}</p>;
  const folded = earlier.slice(0, Math.max(0, earlier.length - SHOWN_TURNS));
  return (
    <>
      {folded.length > 0 ? (
        <details className="recall__earlier">
          <summary>{t("review.earlier", { count: folded.length })}</summary>
          <Turns turns={folded} customer={customer} />
        </details>
      ) : null}
      <Turns turns={earlier.slice(folded.length)} customer={customer} />
    </>
  );
}

type Props = { view: ReviewStepView; error: string | null };

/** One missed decision put before the trainee again: the moment, then its replies as submit buttons. */
export function ReviewStep({ view, error }: Props) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const { scenario } = view;
  return (
    <div className="stack-lg recall">
      <header className="page-header brief-header">
        <PersonaFace persona={scenario.persona} size={56} />
        <div>
          <p className="page-header__sub">{t("review.heading")}</p>
          <h1>{scenario.title}</h1>
          <p className="scenario-card__meta">
            <ChannelLabel channel={scenario.channel} /> · {scenario.customer}
          </p>
          <p className="lead">{t("review.intro")}</p>
          <p className="muted">
            {t("review.dueToday", { count: view.due })} {t("review.scoresNote")}
          </p>
        </div>
      </header>

      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="recall-so-far">
        <h2 id="recall-so-far">{t("review.soFar")}</h2>
        <SoFar earlier={view.earlier} customer={scenario.customer} />
        <div className="recall__moment" role="group" aria-label={t("review.customerSays", { name: scenario.customer })}>
          <p className="recall__now">{t("review.now")}</p>
          <CustomerMessages as="div" channel={scenario.channel} customer={scenario.customer} lines={view.customer} />
        </div>
      </section>

      <Form method="post" className="choices" aria-labelledby="recall-reply">
        <h2 id="recall-reply" className="choices__title">
          {t("review.yourReply")}
        </h2>
        <p className="muted choices__hint">{t("review.chooseHint")}</p>
        <input type="hidden" name="version" value={view.card.version} />
        <input type="hidden" name="step" value={view.card.step} />
        <input type="hidden" name="reps" value={view.card.reps} />
        <ol className="choices__list">
          {view.choices.map((choice, index) => (
            <li key={choice.id}>
              <button type="submit" name="choiceId" value={choice.id} className="choice" disabled={busy}>
                <span className="choice__key" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="choice__text" dangerouslySetInnerHTML={{ __html: choice.html }} />
              </button>
            </li>
          ))}
        </ol>
      </Form>
    </div>
  );
}
