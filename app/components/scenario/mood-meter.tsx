import { useTranslation } from "react-i18next";

const MOOD_KEYS = ["m5", "m4", "m3", "m2", "m1", "z0", "p1", "p2", "p3", "p4", "p5"] as const;

export function useMoodWord() {
  const { t } = useTranslation();
  return (mood: number) => t(`play.moods.${MOOD_KEYS[Math.max(0, Math.min(10, mood + 5))] ?? "z0"}`);
}

function moodTone(mood: number): "low" | "mid" | "high" {
  return mood <= -2 ? "low" : mood >= 2 ? "high" : "mid";
}

/**
 * The customer's mood as a face, a meter from -5 to 5 and words. The live region announces a
 * change to screen readers; `pendingDrop` shows the point an overdue reply will cost.
 */
export function MoodMeter({
  name,
  mood,
  previousMood,
  pendingDrop,
}: {
  name: string;
  mood: number;
  previousMood: number | null;
  pendingDrop: boolean;
}) {
  const { t } = useTranslation();
  const word = useMoodWord();
  const tone = moodTone(mood);
  const segments = Array.from({ length: 11 }, (_, i) => i - 5);
  const mouth = tone === "low" ? "M10 22c3-3 9-3 12 0" : tone === "high" ? "M10 19c3 4 9 4 12 0" : "M10 21h12";
  return (
    <div className={`mood mood--${tone}`}>
      <svg className="mood__face" width="44" height="44" viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="16" cy="16" r="15" className="mood__skin" />
        <circle cx="11.5" cy="13.5" r="1.7" className="mood__eye" />
        <circle cx="20.5" cy="13.5" r="1.7" className="mood__eye" />
        <path d={mouth} className="mood__mouth" />
      </svg>
      <div className="mood__body">
        <p className="mood__label">
          {t("play.moodLabel", { name })}: <strong>{word(mood)}</strong>
        </p>
        <svg className="mood__meter" viewBox="0 0 110 10" preserveAspectRatio="none" role="img" aria-label={`${mood} / 5`}>
          {segments.map((value, index) => {
            const filled = value <= mood;
            const dropping = pendingDrop && value === mood && mood > -5;
            return (
              <rect
                key={value}
                x={index * 10 + 0.5}
                y="0"
                width="9"
                height="10"
                rx="2"
                className={dropping ? "mood__seg mood__seg--drop" : filled ? `mood__seg mood__seg--on mood__seg--${tone}` : "mood__seg"}
              />
            );
          })}
        </svg>
        {pendingDrop ? <p className="mood__drop">{t("play.comingDrop")}</p> : null}
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {previousMood !== null && previousMood !== mood ? t("play.moodChanged", { name, mood: word(mood) }) : t("play.moodNow", { name, mood: word(mood) })}
      </p>
    </div>
  );
}
