import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DeliveryView } from "~/outbox/admin.server";
import { formatDate } from "~/utils/dates";
import "~/locales/en/xapi";

/** The outbox's rows as the admin pages list them (the whole queue, and a platform's grades), with retry forms posting to the page. */

function useWhen() {
  const { t, i18n } = useTranslation();
  return (iso: string) => t("xapi.outbox.dateTime", { date: formatDate(iso, i18n.language), time: iso.slice(11, 19) });
}

function KindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const known = kind === "xapi-statement" || kind === "lti-score";
  return <>{known ? t(`xapi.outbox.kinds.${kind}`) : kind}</>;
}

export type DeliveryColumn = "next" | "error" | "sent" | "retry";

function DeliveryTable({ rows, columns, caption }: { rows: readonly DeliveryView[]; columns: readonly DeliveryColumn[]; caption: string }) {
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

type SectionProps = {
  id: string;
  title: string;
  rows: readonly DeliveryView[];
  none: string;
  shown: number;
  columns: readonly DeliveryColumn[];
  /** The heading's level: 3 inside another page's section. */
  level?: 2 | 3;
  children?: React.ReactNode;
};

export function DeliverySection({ id, title, rows, none, shown, columns, level = 2, children }: SectionProps) {
  const { t } = useTranslation();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {children}
      {rows.length === 0 ? <p className="notice notice--info">{none}</p> : <DeliveryTable rows={rows} columns={columns} caption={title} />}
      {rows.length === shown ? <p className="hint">{t("xapi.outbox.shown", { count: shown })}</p> : null}
    </section>
  );
}

export function RetryAllForm() {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="retry-all" />
      <button type="submit" className="button button--primary">
        {t("xapi.outbox.retryAll")}
      </button>
    </Form>
  );
}
