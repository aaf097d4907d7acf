import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import { outboxView, parseRetryForm, retryFailedDeliveries, type DeliveryView } from "~/outbox/admin.server";
import { LISTED } from "~/outbox/listing";
import { formatDate } from "~/utils/dates";
import { readForm } from "~/utils/form.server";
import "~/locales/en/xapi";
import { AdminPageHeader } from "~/components/admin-page-header";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("xapi.outbox.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json(await outboxView(), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const which = parseRetryForm(await readForm(request));
  if (which === null) throw new Response("This form is not one of this page's: reload the page and try again.", { status: 400 });
  const retried = await retryFailedDeliveries(which);
  return redirect(`/admin/outbox?retried=${retried}`);
}

function useWhen() {
  const { t, i18n } = useTranslation();
  return (iso: string) => t("xapi.outbox.dateTime", { date: formatDate(iso, i18n.language), time: iso.slice(11, 19) });
}

function KindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const known = kind === "xapi-statement" || kind === "lti-score";
  return <>{known ? t(`xapi.outbox.kinds.${kind}`) : kind}</>;
}

type Column = "next" | "error" | "sent" | "retry";

function DeliveryTable({ rows, columns, caption }: { rows: readonly DeliveryView[]; columns: readonly Column[]; caption: string }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <div className="card table-wrap">
      <table className="table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("xapi.outbox.what")}</th>
            <th scope="col">{t("xapi.outbox.kind")}</th>
            <th scope="col">{t("xapi.outbox.created")}</th>
            <th scope="col">{t("xapi.outbox.tries")}</th>
            {columns.includes("next") ? <th scope="col">{t("xapi.outbox.next")}</th> : null}
            {columns.includes("error") ? <th scope="col">{t("xapi.outbox.lastError")}</th> : null}
            {columns.includes("sent") ? <th scope="col">{t("xapi.outbox.sent")}</th> : null}
            {columns.includes("retry") ? <th scope="col">{t("xapi.outbox.retry")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} id={`delivery-${row.id}`}>
              <th scope="row" data-label={t("xapi.outbox.what")}>
                <span className="muted">{row.id}</span> {row.summary}
              </th>
              <td data-label={t("xapi.outbox.kind")}>
                <KindLabel kind={row.kind} />
              </td>
              <td data-label={t("xapi.outbox.created")}>{when(row.createdAt)}</td>
              <td data-label={t("xapi.outbox.tries")}>{row.attempts}</td>
              {columns.includes("next") ? (
                <td data-label={t("xapi.outbox.next")}>{row.waitingBehind !== null ? t("xapi.outbox.waitingBehind", { id: row.waitingBehind }) : when(row.nextTryAt)}</td>
              ) : null}
              {columns.includes("error") ? <td data-label={t("xapi.outbox.lastError")}>{row.lastError ?? "—"}</td> : null}
              {columns.includes("sent") ? <td data-label={t("xapi.outbox.sent")}>{row.sentAt ? when(row.sentAt) : "—"}</td> : null}
              {columns.includes("retry") ? (
                <td data-label={t("xapi.outbox.retry")}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="deliveryId" value={row.id} />
                    <button type="submit" className="button" aria-label={t("xapi.outbox.retryLabel", { id: row.id })}>
                      {t("xapi.outbox.retry")}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ id, title, rows, none, shown, columns, children }: { id: string; title: string; rows: readonly DeliveryView[]; none: string; shown: number; columns: readonly Column[]; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      {rows.length === 0 ? <p className="notice notice--info">{none}</p> : <DeliveryTable rows={rows} columns={columns} caption={title} />}
      {rows.length === shown ? <p className="hint">{t("xapi.outbox.shown", { count: shown })}</p> : null}
    </section>
  );
}

export default function AdminOutbox() {
  const { t } = useTranslation();
  const view = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const retried = searchParams.get("retried");
  return (
    <div className="stack-lg">
      <AdminPageHeader title={t("xapi.outbox.title")} besideBack={<> · <Link to="/admin/lrs">{t("xapi.lrs.linkFromAdmin")}</Link></>} lead={t("xapi.outbox.intro")}>
        <p>{t("xapi.outbox.counts", view.counts)}</p>
      </AdminPageHeader>
      {retried !== null ? (
        <p className="notice notice--ok" role="status">
          {Number(retried) > 0 ? t("xapi.outbox.retried", { count: Number(retried) }) : t("xapi.outbox.retriedNone")}
        </p>
      ) : null}
      <Section id="failed-title" title={t("xapi.outbox.failedTitle")} rows={view.failed} none={t("xapi.outbox.noneFailed")} shown={LISTED.failed} columns={["error", "retry"]}>
        {view.failed.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retry-all" />
            <button type="submit" className="button button--primary">
              {t("xapi.outbox.retryAll")}
            </button>
          </Form>
        ) : null}
      </Section>
      <Section id="pending-title" title={t("xapi.outbox.pendingTitle")} rows={view.pending} none={t("xapi.outbox.nonePending")} shown={LISTED.pending} columns={["next", "error"]} />
      <Section id="sent-title" title={t("xapi.outbox.sentTitle")} rows={view.sent} none={t("xapi.outbox.noneSent")} shown={LISTED.sent} columns={["sent"]} />
    </div>
  );
}
