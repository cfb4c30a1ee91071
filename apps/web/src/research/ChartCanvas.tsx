import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';

// Only the pieces drawn here, so the research chunk carries no unused chart type.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  SankeyController,
  Flow,
);

/** Colours that stay apart for colour-blind readers (Okabe–Ito), then repeat. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/**
 * One Chart.js chart on a canvas, redrawn when its configuration changes. The canvas is an image for
 * screen readers (`label`); the same numbers are in the table beside it.
 */
export function ChartCanvas(props: { config: ChartConfiguration; label: string; tall?: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, props.config);
    return () => chart.destroy();
  }, [props.config]);
  return (
    <div className={props.tall ? 'chart-box tall' : 'chart-box'}>
      <canvas ref={ref} role="img" aria-label={props.label} />
    </div>
  );
}
