import { redirect, json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { agentsView, AgentKey, mapAgent, MapAgentForm, unmapAgent } from "~/outcomes/agents.server";
import { requireImportActor } from "~/outcomes/guard.server";
import importStyles from "~/styles/imports.css";
import { formatDate } from "~/utils/dates";
import { ImportPageHeader } from "~/components/outcomes-import/page-header";
import "~/locales/en/imports";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("imports.agentsTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireImportActor(request);
  return json(await agentsView(actor));
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireImportActor(request);
  const form = await readForm(request);
  if (form.get("intent") === "unmap") {
    const key = AgentKey.safeParse(form.get("agentKey"));
    if (!key.success || !(await unmapAgent(actor, key.data))) throw new Response("Not found", { status: 404 });
    return redirect(`/team/outcomes/agents?unmapped=${encodeURIComponent(key.data)}`);
  }
  const parsed = MapAgentForm.safeParse({ agentKey: form.get("agentKey"), userId: form.get("userId") });
  if (!parsed.success) return json({ problem: "person" as const }, { status: 400 });
  const result = await mapAgent(actor, parsed.data.agentKey, parsed.data.userId);
  if (!result.ok) return redirect(`/team/outcomes/agents?problem=${result.problem}`);
  return redirect(`/team/outcomes/agents?mapped=${encodeURIComponent(parsed.data.agentKey)}&count=${result.tickets}&user=${parsed.data.userId}`);
}

export default function Agents() {
  const { t, i18n } = useTranslation();
  const { unknown, mappings, people } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const mapped = params.get("mapped");
  const problem = params.get("problem");
  const mappedName = people.find((person) => String(person.id) === params.get("user"))?.name ?? "";
  return (
    <div className="stack-lg import-page">
      <ImportPageHeader back={{ to: "/team/outcomes/imports", label: t("imports.title") }} title={t("imports.agentsTitle")} lead={t("imports.agentsIntro")} />
      {mapped ? (
        <p className="notice notice--ok" role="status">
          {t("imports.mapped", { agent: mapped, name: mappedName, count: Number(params.get("count") ?? 0) })}
        </p>
      ) : params.get("unmapped") ? (
        <p className="notice notice--ok" role="status">
          {t("imports.unmapped", { agent: params.get("unmapped") })}
        </p>
      ) : problem === "person" || problem === "agent" ? (
        <div className="form-errors" role="alert">
          <p>{t(`imports.mapProblem.${problem}`)}</p>
        </div>
      ) : null}
      <section className="card stack" aria-labelledby="unknown-agents-title">
        <h2 id="unknown-agents-title">{t("imports.unknownAgentsTitle")}</h2>
        {unknown.length === 0 ? (
          <p className="muted">{t("imports.unknownAgentsEmpty")}</p>
        ) : (
          <ul className="stack">
            {unknown.map((agent, i) => (
              <li key={agent.agent_key}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="agentKey" value={agent.agent_key} />
                  <div className="field">
                    <label htmlFor={`agent-${i}`}>
                      <strong>{agent.agent_key}</strong> · {t("imports.tickets")}: {agent.tickets} · {t("imports.lastSeen")}: {formatDate(agent.last_at, i18n.language)}
                    </label>
                    <select id={`agent-${i}`} name="userId" required defaultValue="">
                      <option value="" disabled>
                        {t("imports.choosePerson")}
                      </option>
                      {people.map((person) => (
                        <option key={person.id} value={person.id}>
                          {person.email ? `${person.name} (${person.email})` : person.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button">
                    {t("imports.map")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="mapped-title">
        <h2 id="mapped-title">{t("imports.mappedTitle")}</h2>
        {mappings.length === 0 ? (
          <p className="muted">{t("imports.mappedEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table--stack">
              <caption className="visually-hidden">{t("imports.mappedTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("imports.agent")}</th>
                  <th scope="col">{t("imports.person")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("imports.unmap")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mappings.map((mapping) => (
                  <tr key={mapping.agent_key}>
                    <th scope="row" data-label={t("imports.agent")}>
                      {mapping.agent_key}
                    </th>
                    <td data-label={t("imports.person")}>
                      {mapping.email ? `${mapping.display_name} (${mapping.email})` : mapping.display_name}
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="unmap" />
                        <input type="hidden" name="agentKey" value={mapping.agent_key} />
                        <button type="submit" className="button button--quiet" aria-label={`${t("imports.unmap")}: ${mapping.agent_key}`}>
                          {t("imports.unmap")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
