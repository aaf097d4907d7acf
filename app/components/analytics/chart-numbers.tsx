import type { ReactNode } from "react";

/**
 * Every number behind a chart, in a table folded under the chart: the chart's accessible
 * alternative for screen readers and anyone who wants exact values, out of the way otherwise.
 */
export function ChartNumbers({
  summary,
  caption,
  headers,
  rows,
}: {
  summary: string;
  caption: string;
  /** Column headings; the first column holds each row's heading. */
  headers: readonly string[];
  rows: readonly { key: string | number; cells: readonly ReactNode[] }[];
}) {
  return (
    <details className="chart-numbers">
      <summary>{summary}</summary>
      <div className="table-wrap">
        <table className="table--compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
