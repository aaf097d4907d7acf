import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { FieldError, FormErrors } from "~/components/form-errors";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { apiTokens, createApiToken, parseNewTokenForm, parseRevokeForm, revokeApiToken, TOKEN_NAME_MAX, type ApiTokenView } from "~/outcomes/api-tokens.server";
import styles from "~/styles/api-tokens.css";
import { formatDate } from "~/utils/dates";
import "~/locales/en/api-tokens";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("apiTokens.title"));

// Code, not copy: the field names and values are the API's own.
const EXAMPLE_BODY = `[
  {
    "ticket_id": "48213",
    "agent_email": "sam@example.com",
    "date_time": "2026-03-14T09:30:00Z",
    "rating": 5,
    "scale": "1-5",
    "solved_on_first_contact": true,
    "reopened": false,
    "channel": "chat"
  }
]`;

const curlCommand = (endpoint: string, secret: string) =>
  `curl -X POST \\\n  -H "Authorization: Bearer ${secret}" \\\n  -H "Content-Type: application/json" \\\n  --data @outcomes.json \\\n  ${endpoint}`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json({ tokens: await apiTokens(), endpoint: `${new URL(request.url).origin}/api/outcomes`, nameMax: TOKEN_NAME_MAX });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const formData = await readForm(request);
  if (formData.get("intent") === "revoke") {
    const tokenId = parseRevokeForm(formData);
    if (tokenId === null) throw new Response("Bad request", { status: 400 });
    const revoked = await revokeApiToken(tokenId, admin.id);
    return redirect(`/admin/api-tokens?${revoked ? `revoked=${tokenId}` : "already=1"}`);
  }
  const t = await i18next.getFixedT(request);
  const submission = parseNewTokenForm(formData, { required: t("apiTokens.nameRequired"), tooLong: t("apiTokens.nameTooLong", { max: TOKEN_NAME_MAX }) });
  if (submission.status !== "success") return json({ reply: submission.reply(), created: null }, { status: 400 });
  const { token, secret } = await createApiToken(submission.value.name, admin.id);
  // The secret travels once, in this response body: never in a URL, a log line or a cache.
  return json({ reply: submission.reply({ resetForm: true }), created: { name: token.name, secret } }, { headers: { "Cache-Control": "no-store" } });
}

function useWhen() {
  const { t, i18n } = useTranslation();
  return (iso: string) => t("apiTokens.dateTime", { date: formatDate(iso, i18n.language), time: iso.slice(11, 16) });
}

function NewSecret({ name, secret, endpoint }: { name: string; secret: string; endpoint: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Moved into view and announced: the one moment the secret can be copied.
  useEffect(() => heading.current?.focus(), [secret]);
  return (
    <section className="card stack notice--ok token-secret" aria-labelledby="new-token-title">
      <h2 id="new-token-title" ref={heading} tabIndex={-1}>
        {t("apiTokens.createdTitle", { name })}
      </h2>
      <p>{t("apiTokens.createdBody")}</p>
      <div className="field">
        <label htmlFor="new-token-secret">{t("apiTokens.secretLabel")}</label>
        <input id="new-token-secret" type="text" readOnly value={secret} spellCheck={false} autoComplete="off" aria-describedby="new-token-hint" onFocus={(event) => event.currentTarget.select()} />
        <p className="hint" id="new-token-hint">
          {t("apiTokens.copyHint")}
        </p>
      </div>
      <p>{t("apiTokens.exampleCommand")}</p>
      <pre className="token-code">
        <code>{curlCommand(endpoint, secret)}</code>
      </pre>
    </section>
  );
}

function TokenRow({ token }: { token: ApiTokenView }) {
  const { t } = useTranslation();
  const when = useWhen();
  const someone = t("apiTokens.someone");
  return (
    <tr>
      <th scope="row" data-label={t("apiTokens.name")}>
        {token.name}
      </th>
      <td data-label={t("apiTokens.prefix")}>
        <code>{token.prefix}…</code>
      </td>
      <td data-label={t("apiTokens.created")}>{t("apiTokens.createdBy", { date: when(token.createdAt), name: token.createdBy ?? someone })}</td>
      <td data-label={t("apiTokens.lastUsed")}>{token.lastUsedAt ? when(token.lastUsedAt) : <span className="muted">{t("apiTokens.neverUsed")}</span>}</td>
      <td data-label={t("apiTokens.status")}>
        {token.revokedAt ? (
          <div className="cell-stack">
            <span className="badge badge--muted">{t("apiTokens.revoked")}</span>
            <span className="hint">{t("apiTokens.revokedOn", { date: when(token.revokedAt), name: token.revokedBy ?? someone })}</span>
          </div>
        ) : (
          <span className="badge badge--ok">{t("apiTokens.active")}</span>
        )}
      </td>
      <td data-label={t("apiTokens.actions")}>
        {token.revokedAt ? null : (
          // A second step instead of a script's confirm(), so it works without JavaScript too.
          <details className="token-revoke">
            <summary className="button button--danger">{t("apiTokens.revokeSummary")}</summary>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="tokenId" value={token.id} />
              <p className="hint">{t("apiTokens.revokeWarning", { name: token.name })}</p>
              <button type="submit" className="button button--danger">
                {t("apiTokens.revokeConfirm", { name: token.name })}
              </button>
            </Form>
          </details>
        )}
      </td>
    </tr>
  );
}

export default function AdminApiTokens() {
  const { t } = useTranslation();
  const { tokens, endpoint, nameMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<{ name: string }>({ lastResult: actionData?.reply, shouldValidate: "onSubmit", constraint: { name: { required: true, maxLength: nameMax } } });
  const created = actionData?.created ?? null;
  const revoked = tokens.find((token) => String(token.id) === searchParams.get("revoked"));

  return (
    <div className="stack-lg">
      <AdminPageHeader title={t("apiTokens.title")} lead={t("apiTokens.intro")} />
      {revoked && !created ? (
        <p className="notice notice--ok" role="status">
          {t("apiTokens.revokedNotice", { name: revoked.name })}
        </p>
      ) : searchParams.get("already") && !created ? (
        <p className="notice" role="status">
          {t("apiTokens.alreadyRevoked")}
        </p>
      ) : null}
      {created ? <NewSecret name={created.name} secret={created.secret} endpoint={endpoint} /> : null}
      <section className="card stack" aria-labelledby="create-token-title">
        <h2 id="create-token-title">{t("apiTokens.createTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="inline-form">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor={fields.name.id}>{t("apiTokens.name")}</label>
            <p className="hint" id={`${fields.name.id}-hint`}>
              {t("apiTokens.nameHint")}
            </p>
            <input {...getInputProps(fields.name, { type: "text" })} autoComplete="off" aria-describedby={`${fields.name.id}-hint ${fields.name.errorId}`} />
            <FieldError id={fields.name.errorId} errors={fields.name.errors} />
          </div>
          <button type="submit" className="button button--primary">
            {t("apiTokens.create")}
          </button>
        </Form>
      </section>
      <section className="stack" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("apiTokens.listTitle")}</h2>
        {tokens.length === 0 ? (
          <p className="notice notice--info">{t("apiTokens.none")}</p>
        ) : (
          <div className="card table-wrap">
            <table className="table--stack">
              <thead>
                <tr>
                  <th scope="col">{t("apiTokens.name")}</th>
                  <th scope="col">{t("apiTokens.prefix")}</th>
                  <th scope="col">{t("apiTokens.created")}</th>
                  <th scope="col">{t("apiTokens.lastUsed")}</th>
                  <th scope="col">{t("apiTokens.status")}</th>
                  <th scope="col">{t("apiTokens.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <TokenRow key={token.id} token={token} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card stack" aria-labelledby="how-title">
        <h2 id="how-title">{t("apiTokens.howTitle")}</h2>
        <p>{t("apiTokens.howBody")}</p>
        <p>{t("apiTokens.exampleCommand")}</p>
        <pre className="token-code">
          <code>{curlCommand(endpoint, "<your token>")}</code>
        </pre>
        <p>{t("apiTokens.exampleBody")}</p>
        <pre className="token-code">
          <code>{EXAMPLE_BODY}</code>
        </pre>
        <p className="hint">{t("apiTokens.limits")}</p>
      </section>
    </div>
  );
}
