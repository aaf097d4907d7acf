/** A mastery value in a heat-map cell: the colour steps every ten points; the number stays readable. */
export function HeatCell({ value, label }: { value: number | null; label: string }) {
  if (value === null) {
    return (
      <td className="heat heat--none" data-label={label}>
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">—</span>
      </td>
    );
  }
  return (
    <td className={`heat heat--${Math.min(9, Math.floor(value / 10))}`} data-label={label}>
      {value}
    </td>
  );
}
