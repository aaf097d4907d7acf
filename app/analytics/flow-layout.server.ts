import { Graph, layout } from "@dagrejs/dagre";
import type { Scenario } from "~/engine";

export type FlowNode = { id: string; kind: "step" | "ending"; x: number; y: number; width: number; height: number };
/** `label`: where the edge's share of picks is written (dagre keeps the spot clear). */
export type FlowEdge = { from: string; to: string; points: { x: number; y: number }[]; label: { x: number; y: number } | null };
export type FlowLayout = { width: number; height: number; nodes: FlowNode[]; edges: FlowEdge[] };

const NODE_WIDTH = 168;
const NODE_HEIGHT = 52;
const EDGE_LABEL = { width: 40, height: 18, labelpos: "c" } as const;

/** Lays the scenario's steps and endings out top to bottom with dagre; the page draws the result. */
export function layoutFlow(scenario: Scenario): FlowLayout {
  const graph = new Graph({ multigraph: false });
  graph.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 46, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const step of scenario.steps) graph.setNode(step.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const ending of scenario.endings) graph.setNode(ending.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const step of scenario.steps) {
    for (const choice of step.choices) if (choice.to !== step.id) graph.setEdge(step.id, choice.to, { ...EDGE_LABEL });
  }
  layout(graph);
  const endings = new Set(scenario.endings.map((ending) => ending.id));
  const size = graph.graph();
  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes: graph.nodes().map((id) => {
      const node = graph.node(id);
      return { id, kind: endings.has(id) ? "ending" : "step", x: node.x, y: node.y, width: node.width, height: node.height };
    }),
    edges: graph.edges().map((edge) => {
      const laidOut = graph.edge(edge);
      const label = laidOut.x === undefined || laidOut.y === undefined ? null : { x: laidOut.x, y: laidOut.y };
      return { from: edge.v, to: edge.w, points: laidOut.points ?? [], label };
    }),
  };
}
