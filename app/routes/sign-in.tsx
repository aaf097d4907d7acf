import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DEMO_SIGN_INS } from "~/accounts/demo.server";
import { SignInForm } from "~/accounts/forms";
import { homePathFor } from "~/auth/roles";
import { redirectSignedInUser } from "~/auth/session.server";
import { signIn } from "~/auth/sign-in.server";
import { FieldError, FormErrors } from "~/components/form-errors";
import { config } from "~/config.server";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("signIn.title"));

// Document requests only get headers a route exports; this passes the 429's Retry-After through.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await redirectSignedInUser(request);
  return json({
    demoSignIns: config().production ? [] : DEMO_SIGN_INS.map(({ email, password, role }) => ({ email, password, role })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: SignInForm });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const t = await i18next.getFixedT(request);
  const result = await signIn({ ...submission.value, ip: context.clientIp });
  switch (result.status) {
    case "signed-in": {
      const target = safeRedirectPath(submission.value.redirectTo) ?? homePathFor(result.user.role);
      return redirect(target, { headers: { "Set-Cookie": result.setCookie } });
    }
    case "rate-limited": {
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
      const words = t("signIn.rateLimited", { time: result.retryAt.toISOString().slice(11, 16), minutes: Math.ceil(seconds / 60) });
      return json(submission.reply({ formErrors: [words], hideFields: ["password"] }), {
        status: 429,
        headers: { "Retry-After": String(seconds) },
      });
    }
    case "disabled":
      return json(submission.reply({ formErrors: [t("signIn.disabled")], hideFields: ["password"] }), { status: 403 });
    case "invalid":
      return json(submission.reply({ formErrors: [t("signIn.invalid")], hideFields: ["password"] }), { status: 401 });
  }
}

const REASONS = {
  disabled: "signIn.reasonDisabled",
  expired: "signIn.reasonExpired",
  "signed-out": "signIn.signedOut",
} as const;

export default function SignIn() {
  const { t } = useTranslation();
  const { demoSignIns } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const reason = searchParams.get("reason");
  const reasonKey = reason && reason in REASONS ? REASONS[reason as keyof typeof REASONS] : null;

  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInForm }),
  });

  return (
    <div className="sign-in">
      <section className="card sign-in__card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.intro")}</p>
        {reasonKey ? (
          <p className={reason === "signed-out" ? "notice notice--info" : "notice"} role="status">
            {t(reasonKey)}
          </p>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <div className="field">
            <label htmlFor={fields.email.id}>{t("signIn.email")}</label>
            <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" required />
            <FieldError id={fields.email.errorId} errors={fields.email.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.password.id}>{t("signIn.password")}</label>
            <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" required />
            <FieldError id={fields.password.errorId} errors={fields.password.errors} />
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </Form>
      </section>
      {demoSignIns.length > 0 ? (
        <aside className="card demo-accounts" aria-labelledby="demo-title">
          <h2 id="demo-title">{t("signIn.demoTitle")}</h2>
          <p className="muted">{t("signIn.demoHint")}</p>
          <dl className="demo-accounts__list">
            {demoSignIns.map((account) => (
              <div key={account.email}>
                <dt>{t(`roles.${account.role}`)}</dt>
                <dd>
                  <code>{account.email}</code> / <code>{account.password}</code>
                </dd>
              </div>
            ))}
          </dl>
        </aside>
      ) : null}
    </div>
  );
}
