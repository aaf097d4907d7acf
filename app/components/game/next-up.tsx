import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NextUp } from "~/game/next-up";
import "~/locales/en/game";

/** The scenario that best trains the weakest skill not yet mastered, with the reason. */
export function NextUpCard({ next, allMastered }: { next: NextUp | null; allMastered: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card stack-sm next-up" aria-labelledby="next-up-title">
      <h2 id="next-up-title">{t("game.nextUp.title")}</h2>
      {next ? (
        <>
          <p>
            <Link to={`/train/scenarios/${next.scenarioId}`} className="next-up__link">
              {next.title}
            </Link>
          </p>
          <p className="muted">{t("game.nextUp.reason", { skill: t(`skills.${next.skill}.name`) })}</p>
        </>
      ) : (
        <p className="muted">{t(allMastered ? "game.nextUp.allMastered" : "game.nextUp.noneOpen")}</p>
      )}
    </section>
  );
}
