import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import "~/locales/en/lti";

export type PublishedKey = { kid: string; createdAt: string; retiredAt: string | null };

/** Frontline's signing keys as the platforms page lists them (the current one, and retired ones still published), with rotation. */
export function SigningKeys({ keys, retiredDays }: { keys: readonly PublishedKey[]; retiredDays: number }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="keys-title">
      <h2 id="keys-title">{t("lti.admin.keysTitle")}</h2>
      <p>{t("lti.admin.keysIntro", { days: retiredDays })}</p>
      <div className="table-wrap">
        <table className="table--stack">
          <thead>
            <tr>
              <th scope="col">{t("lti.admin.keyId")}</th>
              <th scope="col">{t("lti.admin.keyCreated")}</th>
              <th scope="col">{t("lti.admin.keyStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.kid}>
                <th scope="row" data-label={t("lti.admin.keyId")}>
                  <code>{key.kid}</code>
                </th>
                <td data-label={t("lti.admin.keyCreated")}>{formatDate(key.createdAt, i18n.language)}</td>
                <td data-label={t("lti.admin.keyStatus")}>
                  {key.retiredAt ? (
                    <span className="badge badge--muted">{t("lti.admin.keyRetired", { date: formatDate(key.retiredAt, i18n.language) })}</span>
                  ) : (
                    <span className="badge badge--ok">{t("lti.admin.keyCurrent")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post">
        <input type="hidden" name="intent" value="rotate" />
        <button type="submit" className="button">
          {t("lti.admin.rotate")}
        </button>
      </Form>
    </section>
  );
}
