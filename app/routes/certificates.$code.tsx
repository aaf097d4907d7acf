import { json, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyCertificate } from "~/certificates/verify.server";
import { Certifies } from "~/components/certificates/certifies";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/certificate.css";
import { formatDate } from "~/utils/dates";
import "~/locales/en/certificates";

// Public on purpose: anyone holding the link may check the certificate, signed in or not. The page
// shows the holder's name, the date and what it certifies, and nothing else; it is kept out of
// search engines, and the code in the address is 144 random bits.

const NOINDEX = "noindex, nofollow";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
// Also on the 404, so an unknown code is not indexed either.
export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("certificates.verify.title")), { name: "robots", content: NOINDEX }];
export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => ({
  "X-Robots-Tag": NOINDEX,
  "Cache-Control": (errorHeaders ?? loaderHeaders).get("Cache-Control") ?? "no-store",
});

export async function loader({ params }: LoaderFunctionArgs) {
  const certificate = await verifyCertificate(params.code);
  if (!certificate) throw new Response("Not found", { status: 404, headers: { "X-Robots-Tag": NOINDEX, "Cache-Control": "no-store" } });
  return json({ certificate }, { headers: { "X-Robots-Tag": NOINDEX, "Cache-Control": "no-store" } });
}

export default function VerifyCertificate() {
  const { t, i18n } = useTranslation();
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg narrow">
      <header className="page-header">
        <h1>{t("certificates.verify.title")}</h1>
      </header>
      <section className="card stack verified" aria-labelledby="verified-title">
        <h2 id="verified-title" className="verified__title">
          <span aria-hidden="true">✓ </span>
          {t("certificates.verify.genuine")}
        </h2>
        <dl>
          <dt>{t("certificates.verify.holder")}</dt>
          <dd>{certificate.holderName}</dd>
          <dt>{t("certificates.verify.date")}</dt>
          <dd>{formatDate(certificate.earnedAt, i18n.language)}</dd>
        </dl>
        <h3>{t("certificates.verify.certifies")}</h3>
        <Certifies scenarios={certificate.scenarios} minScore={certificate.minScore} minMastery={certificate.minMastery} />
        <p className="hint">{t("certificates.verify.issuer")}</p>
      </section>
    </div>
  );
}

/** An unknown code says so in the certificate's own words; anything else is the usual error page. */
export function ErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <RouteErrorBoundary />;
  return (
    <section className="card error-card narrow" aria-labelledby="error-title">
      <p className="error-status">404</p>
      <h1 id="error-title">{t("certificates.verify.notFoundTitle")}</h1>
      <p>{t("certificates.verify.notFoundBody")}</p>
    </section>
  );
}
