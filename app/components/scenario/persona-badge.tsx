import { useTranslation } from "react-i18next";
import type { Persona } from "~/domain/vocabulary";

// Each persona has its own face and colour, so cards can be told apart at a glance.
const FACES: Record<Persona, { brows: string; mouth: string }> = {
  angry: { brows: "M9 10.5l4 1.5M23 10.5l-4 1.5", mouth: "M11 23c2.5-2.5 7.5-2.5 10 0" },
  confused: { brows: "M9 11l4-1M19 10.5c1.5-1 3-1 4 0", mouth: "M11 22c2-1 4 1 6 0s3-1 4 0" },
  patient: { brows: "M9 11c1.5-1 3-1 4 0M19 11c1.5-1 3-1 4 0", mouth: "M11 20c2.5 3 7.5 3 10 0" },
};

export function PersonaFace({ persona, size = 40 }: { persona: Persona; size?: number }) {
  const face = FACES[persona];
  return (
    <svg className={`persona-face persona-face--${persona}`} width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="15" className="persona-face__skin" />
      <path d={face.brows} className="persona-face__line" />
      <circle cx="11.5" cy="15" r="1.6" className="persona-face__eye" />
      <circle cx="20.5" cy="15" r="1.6" className="persona-face__eye" />
      <path d={face.mouth} className="persona-face__line" />
    </svg>
  );
}

export function PersonaBadge({ persona }: { persona: Persona }) {
  const { t } = useTranslation();
  return (
    <span className={`persona-badge persona-badge--${persona}`}>
      <PersonaFace persona={persona} size={22} />
      {t(`personas.${persona}`)}
    </span>
  );
}
