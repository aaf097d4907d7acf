import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import { deepLinkChoices } from "~/lti/deep-linking.server";
import "~/locales/en/lti";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("lti.deepLink.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const choices = await deepLinkChoices(params.requestId ?? "", user.id);
  if (!choices) throw new Response("Not found", { status: 404 });
  return json({ choices, requestId: params.requestId ?? "" });
}

export default function DeepLinkChoice() {
  const { t } = useTranslation();
  const { choices, requestId } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("lti.deepLink.title")}</h1>
        <p className="lead">{t("lti.deepLink.intro")}</p>
      </header>
      <ul className="stack">
        {choices.map((choice) => (
          <li key={choice.id} className="card">
            <Form method="post" action={`/lti/deep-link/${requestId}/answer`} reloadDocument className="inline-form">
              <input type="hidden" name="scenarioId" value={choice.id} />
              <span>{choice.title}</span>
              <button type="submit" className="button button--primary" aria-label={`${t("lti.deepLink.choose")}: ${choice.title}`}>
                {t("lti.deepLink.choose")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
