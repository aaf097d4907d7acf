import { useTranslation } from "react-i18next";

const STAR = "M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z";

export function CsatStars({ stars }: { stars: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="img" aria-label={t("debrief.csat", { stars })}>
      {[1, 2, 3, 4, 5].map((n) => (
        <svg key={n} width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" className={n <= stars ? "star star--on" : "star"}>
          <path d={STAR} />
        </svg>
      ))}
    </span>
  );
}
