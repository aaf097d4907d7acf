/** A 0–100 bar drawn in SVG (our CSP allows no inline styles); its words are given beside it. */
export function Bar({ percent }: { percent: number }) {
  return (
    <svg className="skill-row__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
      <rect x="0" y="0" width="100" height="8" className="skill-row__track" />
      <rect x="0" y="0" width={percent} height="8" className="skill-row__fill" />
    </svg>
  );
}
