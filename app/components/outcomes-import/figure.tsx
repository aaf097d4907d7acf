/** One labelled number in an import's summary (inside a <dl className="import-figures">). */
export function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{typeof value === "number" ? value.toLocaleString("en-GB") : value}</dd>
    </div>
  );
}
