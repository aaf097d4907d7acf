import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The friendly page shown for 403, 404 and unexpected errors; never a stack trace. */
export function ErrorPage({ status, signedIn }: { status: number; signedIn: boolean }) {
  const { t } = useTranslation();
  const [title, body] =
    status === 403
      ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
      : status === 404
        ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
        : status >= 500
          ? [t("errors.serverTitle"), t("errors.serverBody")]
          : [t("errors.badRequestTitle"), t("errors.notFoundBody")];
  return (
    <section className="card error-card" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p>
        <Link className="button" to="/">
          {signedIn ? t("errors.goHome") : t("signIn.title")}
        </Link>
      </p>
    </section>
  );
}
