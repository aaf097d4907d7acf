import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildProgressView } from "~/attempts/progress-view.server";
import { certificationSummary } from "~/certificates/certification.server";
import { requireRole } from "~/auth/session.server";
import { CertificateSummary } from "~/components/certificates/summary";
import { RetentionPanel } from "~/components/review/retention-panel";
import { AttemptsTable } from "~/components/scenario/attempts-table";
import { MasteryTrend } from "~/components/analytics/mastery-trend";
import { BadgeList, StreakWeeks } from "~/components/game/badges-and-weeks";
import gameStyles from "~/components/game/game.css";
import { GameSummary } from "~/components/game/game-summary";
import { MasteryBars } from "~/components/game/mastery-bars";
import { progressGame } from "~/game/views.server";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/game";
import { reviewSummary } from "~/review/summary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: gameStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.progress"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  // Opening My progress also checks the certificate, so a trainee already qualified gets it now.
  const [progress, certificate, review, game] = await Promise.all([
    buildProgressView(user.id),
    certificationSummary(user.id),
    reviewSummary(user.id, new Date()),
    progressGame(user.id),
  ]);
  return json({ attempts: progress.attempts, certificate, review, game });
}

// A set-aside attempt cannot be continued, so its row links nowhere.
const LINKS = {
  completed: (id: number) => `/train/attempts/${id}/debrief`,
  "in-progress": (id: number) => `/train/attempts/${id}`,
  abandoned: () => null,
} as const;

export default function Progress() {
  const { t } = useTranslation();
  const { attempts, certificate, review, game } = useLoaderData<typeof loader>();
  const badgeCount = { earned: game.badges.filter((badge) => badge.earned).length, total: game.badges.length };
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("progress.title")}</h1>
        <p className="lead">{t("progress.intro")}</p>
      </header>
      <GameSummary game={{ ...game, streak: { ...game.streak, finished: game.streak.thisWeek.finished, goal: game.streak.thisWeek.goal }, badges: badgeCount }} />
      <MasteryBars skills={game.skills} />
      <section className="card stack" aria-labelledby="trend-title">
        <h2 id="trend-title">{t("game.progress.trendTitle")}</h2>
        <p className="muted">{t("game.progress.trendNote")}</p>
        <MasteryTrend trend={game.trend} />
      </section>
      <RetentionPanel summary={review} />
      <CertificateSummary summary={certificate} />
      <BadgeList badges={game.badges} />
      <StreakWeeks streak={game.streak} />
      <section className="stack" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("progress.attempts")}</h2>
        {attempts.length === 0 ? (
          <p className="notice">
            {t("progress.none")} <Link to="/train">{t("progress.noneLink")}</Link>
          </p>
        ) : (
          <AttemptsTable
            attempts={attempts}
            caption={t("progress.attempts")}
            linkFor={(attempt) => LINKS[attempt.status](attempt.id)}
          />
        )}
      </section>
    </div>
  );
}
