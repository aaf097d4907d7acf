import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { ReviewStep } from "~/components/review/review-step";
import { pageTitle } from "~/i18n/meta";
import { answerReview, readAnswerForm } from "~/review/answer.server";
import { buildReviewPage } from "~/review/review-view.server";
import styles from "~/styles/review.css";
import { formatDate } from "~/utils/dates";
import "~/locales/en/review";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("review.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  return json({ page: await buildReviewPage(user.id, new Date()) }, { headers: { "Cache-Control": "no-store" } });
}

type Refusal = { key: "missingChoice" | "invalid" | "notOffered" | "changed" } | { key: "notDue"; dueAt: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const form = readAnswerForm(await readForm(request));
  const refuse = (refusal: Refusal, status: number) => json({ refusal }, { status });
  if (form === "missing-choice") return refuse({ key: "missingChoice" }, 400);
  if (form === "invalid") return refuse({ key: "invalid" }, 400);
  const outcome = await answerReview(user.id, form);
  switch (outcome.kind) {
    case "answered":
    case "already":
      return redirect(`/train/review/${outcome.answerId}`);
    case "not-found":
      throw new Response("Not found", { status: 404 });
    case "not-offered":
      return refuse({ key: "notOffered" }, 422);
    case "not-due":
      return refuse({ key: "notDue", dueAt: outcome.dueAt }, 409);
    case "changed":
      return refuse({ key: "changed" }, 409);
  }
}

export default function Review() {
  const { t, i18n } = useTranslation();
  const { page } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>()?.refusal;
  const error = refusal ? t(`review.errors.${refusal.key}`, { date: "dueAt" in refusal ? formatDate(refusal.dueAt, i18n.language) : "" }) : null;
  if (page.kind === "card") return <ReviewStep view={page.view} error={error} />;
  return (
    <div className="stack-lg">
      <header className="page-header">
        <p className="page-header__sub">{t("review.title")}</p>
        <h1>{t("review.empty.title")}</h1>
      </header>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      <div className="card stack">
        {page.nextDueAt ? <p className="recall__when">{t("review.empty.next", { date: formatDate(page.nextDueAt, i18n.language) })}</p> : null}
        <p>{t("review.empty.how")}</p>
        <p className="muted">{t("review.scoresNote")}</p>
        <p>
          <Link to="/train" className="button">
            {t("review.empty.home")}
          </Link>
        </p>
      </div>
    </div>
  );
}
