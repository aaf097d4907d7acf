import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OutboxView } from "~/outbox/admin.server";
import { LISTED } from "~/outbox/listing";
import { DeliverySection, RetryAllForm } from "./delivery-table";
import "~/locales/en/lti";

/** The "Learning platforms" page's grades: failed ones with retry, and those waiting, with a link to the whole queue. */
export function GradeQueue({ view }: { view: OutboxView }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="grades-title">
      <h2 id="grades-title">{t("lti.grades.title")}</h2>
      <p>
        {t("lti.grades.intro", view.counts)} <Link to="/admin/outbox">{t("lti.grades.wholeQueue")}</Link>
      </p>
      <DeliverySection id="grades-failed-title" title={t("lti.grades.failedTitle")} rows={view.failed} none={t("lti.grades.noneFailed")} shown={LISTED.failed} columns={["error", "retry"]} level={3}>
        {view.failed.length > 1 ? <RetryAllForm /> : null}
      </DeliverySection>
      <DeliverySection id="grades-pending-title" title={t("lti.grades.pendingTitle")} rows={view.pending} none={t("lti.grades.nonePending")} shown={LISTED.pending} columns={["next", "error"]} level={3} />
    </section>
  );
}
