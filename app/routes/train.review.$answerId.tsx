import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { ReviewFeedback } from "~/components/review/review-feedback";
import { pageTitle } from "~/i18n/meta";
import { buildFeedbackView } from "~/review/review-view.server";
import styles from "~/styles/review.css";
import { idParamOr404 } from "~/utils/params.server";
import "~/locales/en/review";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("review.feedback.title", { title: data.view.scenario.title }) : t("review.title")));

/** The feedback on one answered review: the page a review's answer redirects to (so a reload posts nothing). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const view = await buildFeedbackView(user.id, idParamOr404(params.answerId), new Date());
  // Another trainee's answer is answered exactly like a missing one.
  if (!view) throw new Response("Not found", { status: 404 });
  return json({ view }, { headers: { "Cache-Control": "no-store" } });
}

export default function ReviewAnswer() {
  const { view } = useLoaderData<typeof loader>();
  return <ReviewFeedback view={view} />;
}
