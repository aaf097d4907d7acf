import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { SkillList } from "~/components/skill-list";

export const meta: MetaFunction = () => [{ title: "Practice · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  return json({ displayName: user.displayName });
}

export default function TraineeHome() {
  const { t } = useTranslation();
  const { displayName } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("trainee.title", { name: displayName })}</h1>
        <p className="lead">{t("trainee.intro")}</p>
      </header>
      <section aria-labelledby="skills-title" className="stack">
        <h2 id="skills-title">{t("trainee.skillsTitle")}</h2>
        <SkillList />
      </section>
      <p className="notice">{t("trainee.noScenarios")}</p>
    </div>
  );
}
