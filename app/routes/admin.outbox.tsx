import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import { DeliverySection, RetryAllForm } from "~/components/delivery-table";
import { outboxView, parseRetryForm, retryFailedDeliveries } from "~/outbox/admin.server";
import { LISTED } from "~/outbox/listing";
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
      <DeliverySection id="failed-title" title={t("xapi.outbox.failedTitle")} rows={view.failed} none={t("xapi.outbox.noneFailed")} shown={LISTED.failed} columns={["error", "retry"]}>
        {view.failed.length > 1 ? <RetryAllForm /> : null}
      </DeliverySection>
      <DeliverySection id="pending-title" title={t("xapi.outbox.pendingTitle")} rows={view.pending} none={t("xapi.outbox.nonePending")} shown={LISTED.pending} columns={["next", "error"]} />
      <DeliverySection id="sent-title" title={t("xapi.outbox.sentTitle")} rows={view.sent} none={t("xapi.outbox.noneSent")} shown={LISTED.sent} columns={["sent"]} />
    </div>
  );
}
