import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import { deepLinkChoices, type DeepLinkChoice } from "~/lti/deep-linking.server";
import "~/locales/en/lti";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("lti.deepLink.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const choices = await deepLinkChoices(params.requestId ?? "", user.id);
  if (!choices) throw new Response("Not found", { status: 404 });
  return json({ choices, requestId: params.requestId ?? "" });
}

function Choices({ id, title, choices, requestId }: { id: string; title: string; choices: readonly (DeepLinkChoice & { detail?: string })[]; requestId: string }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="stack card-list">
        {choices.map((choice) => (
          <li key={choice.value} className="card">
            <Form method="post" action={`/lti/deep-link/${requestId}/answer`} reloadDocument className="inline-form">
              <input type="hidden" name="choice" value={choice.value} />
              <span>
                {choice.title}
                {choice.detail ? <span className="muted"> · {choice.detail}</span> : null}
              </span>
              <button type="submit" className="button button--primary" aria-label={`${t("lti.deepLink.choose")}: ${choice.title}`}>
                {t("lti.deepLink.choose")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function DeepLinkChoice() {
  const { t } = useTranslation();
  const { choices, requestId } = useLoaderData<typeof loader>();
  const pathways = choices.pathways.map((pathway) => ({ ...pathway, detail: t("lti.deepLink.pathwayDetail", { skill: t(`skills.${pathway.skill}.name`), count: pathway.steps }) }));
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("lti.deepLink.title")}</h1>
        <p className="lead">{t("lti.deepLink.intro")}</p>
      </header>
      {pathways.length > 0 ? <Choices id="pathways-title" title={t("lti.deepLink.pathwaysTitle")} choices={pathways} requestId={requestId} /> : null}
      <Choices id="scenarios-title" title={t("lti.deepLink.scenariosTitle")} choices={choices.scenarios} requestId={requestId} />
    </div>
  );
}
