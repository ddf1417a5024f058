import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, bundled with it: nothing is fetched from elsewhere.
echarts.use([BarChart, FunnelChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Figure {
  label: string;
  value: number;
}

/**
 * A chart of labelled figures (a funnel or bars). Screen readers get its aria-label; the same
 * figures are in the table the caller puts beside it.
 */
export function Chart({ kind, figures, label, testId }: { kind: 'funnel' | 'bar'; figures: Figure[]; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Redrawn when the figures change, not when their array does.
  const key = JSON.stringify(figures);
  useEffect(() => {
    if (!ref.current) return;
    const shown = JSON.parse(key) as Figure[];
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(
      kind === 'funnel'
        ? {
            animation: false,
            tooltip: { trigger: 'item' },
            series: [
              {
                type: 'funnel',
                sort: 'none',
                minSize: '20%',
                label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#fff' },
                data: shown.map((f) => ({ name: f.label, value: f.value })),
                color: ['#0b4f9c', '#3a6fb0', '#b3261e'],
              },
            ],
          }
        : {
            animation: false,
            tooltip: { trigger: 'axis' },
            grid: { left: 48, right: 16, top: 16, bottom: 32 },
            xAxis: { type: 'category', data: shown.map((f) => f.label) },
            yAxis: { type: 'value' },
            series: [
              { type: 'bar', data: shown.map((f) => f.value), itemStyle: { color: '#0b4f9c' }, label: { show: true, position: 'top' } },
            ],
          },
    );
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [kind, key]);
  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} />;
}
