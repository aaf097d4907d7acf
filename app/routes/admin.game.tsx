import { getFormProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { AdminPageHeader } from "~/components/admin-page-header";
import { FormErrors } from "~/components/form-errors";
import { formatCount } from "~/components/outcomes/format";
import { WholeNumberField } from "~/components/whole-number-field";
import { changeGameSettings, gameSettingsView, parseGameSettingsForm, type SettingName, type SettingView } from "~/game-settings/settings.server";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/team-game.css";
import { formatDate } from "~/utils/dates";
import "~/locales/en/team-game";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("teamGame.settings.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return json(await gameSettingsView(), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const [t, locale] = await Promise.all([i18next.getFixedT(request), i18next.getLocale(request)]);
  const view = await gameSettingsView();
  const limits = Object.fromEntries(view.settings.map((setting) => [setting.name, setting])) as Record<SettingName, SettingView>;
  const message = (name: SettingName) =>
    t(`teamGame.settings.${name}.invalid`, { min: formatCount(limits[name].min, locale), max: formatCount(limits[name].max, locale) });
  const submission = parseGameSettingsForm(await readForm(request), { dailyCap: message("dailyCap"), weeklyGoal: message("weeklyGoal") });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const changed = await changeGameSettings(submission.value, admin.id);
  return redirect(`/admin/game?${changed.length > 0 ? "saved" : "unchanged"}=1`);
}

function useSettingValue() {
  const { t, i18n } = useTranslation();
  return (name: SettingName, value: number) =>
    name === "dailyCap" ? t("teamGame.settings.dailyCap.value", { value: formatCount(value, i18n.language) }) : t("teamGame.settings.weeklyGoal.value", { count: value });
}

function InForce({ setting, fromDate }: { setting: SettingView; fromDate: string }) {
  const { t } = useTranslation();
  const valueText = useSettingValue();
  return (
    <div>
      <dt>{t(`teamGame.settings.${setting.name}.label`)}</dt>
      <dd>
        {valueText(setting.name, setting.current)}
        {setting.isDefault ? <span className="muted"> ({t("teamGame.settings.isDefault")})</span> : null}
        {setting.next !== setting.current ? (
          <span className="team-game__next"> {t("teamGame.settings.fromDate", { date: fromDate, value: valueText(setting.name, setting.next) })}</span>
        ) : null}
      </dd>
    </div>
  );
}

export default function AdminGameSettings() {
  const { t, i18n } = useTranslation();
  const view = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const valueText = useSettingValue();
  const byName = Object.fromEntries(view.settings.map((setting) => [setting.name, setting])) as Record<SettingName, SettingView>;
  const [form, fields] = useForm({
    lastResult,
    // No validator in the browser: checking on blur would post to the server, and a late answer could overwrite what was typed since.
    shouldValidate: "onSubmit",
    defaultValue: { dailyCap: String(byName.dailyCap.next), weeklyGoal: String(byName.weeklyGoal.next) },
    constraint: { dailyCap: { required: true }, weeklyGoal: { required: true } },
  });
  const date = (day: string) => formatDate(`${day}T00:00:00Z`, i18n.language);
  const fromDate = date(view.fromDay);

  return (
    <div className="stack-lg narrow-wide">
      <AdminPageHeader title={t("teamGame.settings.title")} lead={t("teamGame.settings.intro")} />
      {lastResult ? null : searchParams.get("saved") ? (
        <p className="notice notice--ok" role="status">
          {t("teamGame.settings.saved", { date: fromDate })}
        </p>
      ) : searchParams.get("unchanged") ? (
        <p className="notice" role="status">
          {t("teamGame.settings.unchanged", { date: fromDate })}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="game-now-title">
        <h2 id="game-now-title">{t("teamGame.settings.nowTitle")}</h2>
        <dl className="facts">
          {view.settings.map((setting) => (
            <InForce key={setting.name} setting={setting} fromDate={fromDate} />
          ))}
        </dl>
      </section>
      <section className="card stack" aria-labelledby="game-form-title">
        <h2 id="game-form-title">{t("teamGame.settings.formTitle")}</h2>
        <p>{t("teamGame.settings.fromTomorrow", { date: fromDate })}</p>
        <p className="hint">{t("teamGame.settings.goalWeek", { date: date(view.goalWeek) })}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          {/* From the loader: a .server module's values do not reach the browser. */}
          {view.settings.map((setting) => (
            <WholeNumberField
              key={setting.name}
              field={fields[setting.name]}
              label={t(`teamGame.settings.${setting.name}.label`)}
              hint={t(`teamGame.settings.${setting.name}.hint`, { min: formatCount(setting.min, i18n.language), max: formatCount(setting.max, i18n.language) })}
            />
          ))}
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
              {t("teamGame.settings.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="stack" aria-labelledby="game-history-title">
        <h2 id="game-history-title">{t("teamGame.settings.historyTitle")}</h2>
        {view.history.length === 0 ? (
          <p className="notice notice--info">{t("teamGame.settings.noHistory")}</p>
        ) : (
          <>
            <p className="muted">{t("teamGame.settings.historyIntro")}</p>
            <div className="card table-wrap">
              <table className="table--stack">
                <caption className="visually-hidden">{t("teamGame.settings.historyTitle")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("teamGame.settings.setting")}</th>
                    <th scope="col">{t("teamGame.settings.value")}</th>
                    <th scope="col">{t("teamGame.settings.holdsFrom")}</th>
                    <th scope="col">{t("teamGame.settings.made")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.history.map((change) => (
                    <tr key={change.id}>
                      <th scope="row" data-label={t("teamGame.settings.setting")}>
                        {t(`teamGame.settings.${change.name}.label`)}
                      </th>
                      <td data-label={t("teamGame.settings.value")}>{valueText(change.name, change.value)}</td>
                      <td data-label={t("teamGame.settings.holdsFrom")}>{date(change.fromDay)}</td>
                      <td data-label={t("teamGame.settings.made")}>
                        {t("teamGame.settings.madeBy", { date: formatDate(change.setAt, i18n.language), name: change.setBy ?? t("teamGame.settings.someone") })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
