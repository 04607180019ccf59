import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only what the figures page draws, to keep the chunk small.
use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

/** What a click on a chart element tells: which data point of which series (for drill-down). */
export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
  name: string;
}

/** An echarts canvas: created on mount, updated when `option` changes, resized with its box, disposed on unmount. */
export function Chart({
  option,
  height = 320,
  style,
  testId,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  style?: CSSProperties;
  testId?: string;
  /** Drill-down: called with the clicked element. */
  onClick?: (click: ChartClick) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) =>
      clickRef.current?.({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0, name: p.name }),
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
