import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  ScatterController,
  Title,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale, RadarController, RadialLinearScale, ScatterController, Filler, Title, Tooltip, Legend);

/**
 * A Chart.js chart drawn in the browser only. Chart.js sizes its canvas through the DOM (allowed
 * by our CSP, unlike style attributes in server HTML), and every chart on a page is paired with a
 * table or a written summary, which is what people without JavaScript or sight get.
 */
export function ChartCanvas({ config, label, className }: { config: ChartConfiguration; label: string; className?: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = new Chart(canvasRef.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={`chart ${className ?? ""}`}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}

export const OUTCOME_COLOURS: Record<string, string> = {
  delighted: "#2f7d4f",
  satisfied: "#6aa84f",
  neutral: "#c9b458",
  escalated: "#d9822b",
  lost: "#b03a2e",
};

export const SKILL_COLOURS: Record<string, string> = {
  listening: "#11696b",
  empathy: "#b5547a",
  calm: "#3d6fb0",
  persuasion: "#a8661b",
  expectations: "#5b7d2a",
};
