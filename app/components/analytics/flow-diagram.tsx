import { useTranslation } from "react-i18next";
import type { FlowLayout } from "~/analytics/flow-layout.server";
import "~/locales/en/analytics";

type StepShade = { stepId: string; poorShare: number | null };

/**
 * The scenario's flow as laid out by dagre on the server: steps shaded by how often trainees chose a
 * poor reply there, the hardest one outlined, each arrow marked with the share of the step's picks
 * that went that way. The table after it carries the same numbers in words.
 */
export function FlowDiagram({
  flow,
  steps,
  hardest,
  endings,
  edgeShares,
}: {
  flow: FlowLayout;
  steps: StepShade[];
  hardest: string | null;
  endings: { id: string; outcome: string }[];
  edgeShares: { from: string; to: string; share: number }[];
}) {
  const { t } = useTranslation();
  const shareOf = new Map(edgeShares.map((edge) => [`${edge.from}\u0000${edge.to}`, edge.share]));
  const shade = new Map(steps.map((step) => [step.stepId, step.poorShare]));
  const outcomeOf = new Map(endings.map((ending) => [ending.id, ending.outcome]));
  return (
    // Focusable so that a keyboard can scroll the diagram where it is wider than a phone.
    <div className="flow-wrap" tabIndex={0} role="group" aria-label={t("analytics.flowTitle")}>
      <svg className="flow" viewBox={`0 0 ${flow.width} ${flow.height}`} width={flow.width} height={flow.height} role="img" aria-label={t("analytics.flowTitle")}>
        <defs>
          <marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className="flow__arrow" />
          </marker>
        </defs>
        {flow.edges.map((edge) => (
          <polyline
            key={`${edge.from}-${edge.to}`}
            className="flow__edge"
            points={edge.points.map((p) => `${p.x},${p.y}`).join(" ")}
            markerEnd="url(#flow-arrow)"
          />
        ))}
        {flow.edges.map((edge) => {
          const share = shareOf.get(`${edge.from}\u0000${edge.to}`);
          if (share === undefined || !edge.label) return null;
          return (
            <g key={`${edge.from}-${edge.to}-share`} transform={`translate(${edge.label.x},${edge.label.y})`}>
              <rect className="flow__share-box" x={-19} y={-9} width={38} height={18} rx={9} />
              <text className="flow__share" textAnchor="middle" dominantBaseline="central">
                {`${Math.round(share * 100)}%`}
              </text>
            </g>
          );
        })}
        {flow.nodes.map((node) => {
          const share = shade.get(node.id);
          const level = share === undefined || share === null ? "none" : String(Math.min(9, Math.floor(share * 10)));
          const classes =
            node.kind === "ending"
              ? `flow__node flow__node--ending flow__node--${outcomeOf.get(node.id) ?? "neutral"}`
              : `flow__node flow__node--poor-${level}${node.id === hardest ? " flow__node--hardest" : ""}`;
          return (
            <g key={node.id} transform={`translate(${node.x - node.width / 2},${node.y - node.height / 2})`}>
              <rect className={classes} width={node.width} height={node.height} rx={node.kind === "ending" ? 22 : 8} />
              <text className="flow__label" x={node.width / 2} y={node.height / 2 - (share != null ? 6 : 0)} textAnchor="middle" dominantBaseline="middle">
                {node.id.length > 22 ? `${node.id.slice(0, 21)}…` : node.id}
              </text>
              {node.kind === "step" && share != null ? (
                <text className="flow__sub" x={node.width / 2} y={node.height / 2 + 12} textAnchor="middle" dominantBaseline="middle">
                  {t("analytics.poorShort", { share: Math.round(share * 100) })}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
