import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Scenario library · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer"]);
  return json({});
}

export default function TrainerHome() {
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("trainer.title")}</h1>
        <p className="lead">{t("trainer.intro")}</p>
      </header>
    </div>
  );
}
