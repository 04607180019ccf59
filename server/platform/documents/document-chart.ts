/**
 * Charts in official documents: a native Word chart (`docx/charts`), drawn by Word, WPS or LibreOffice from the data
 * it carries (Edit Data opens it), so its Chinese labels use the reader's fonts and nothing is rasterised on the
 * server. It is centred in the 版心, about nine grid lines high.
 */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import { FONT, LINE, TEXT_WIDTH } from './layout.js';

/** One series of values over categories, e.g. 人次 by 形态 or 件数 by 渠道. */
export interface DocChart {
  type: 'column' | 'bar' | 'pie';
  title: string;
  /** The series' name (the unit of the values), e.g. 人次. */
  series: string;
  categories: string[];
  values: number[];
}

/** Grid lines a chart takes (9 × 28.95 pt ≈ 92 mm). */
const CHART_LINES = 9;
/** Twips to pixels at 96 dpi. */
const px = (twips: number) => Math.floor(twips / 15);

export function chartBlock(c: DocChart): Paragraph {
  const height = CHART_LINES * LINE;
  const common = {
    title: { text: c.title, font: { name: FONT.hei, size: 12 } },
    font: { name: FONT.body },
    // A little inside the 版心 and the line box: Word draws the chart's border on its outer edge.
    transformation: { width: px(TEXT_WIDTH) - 24, height: px(height) - 12 },
    categories: c.categories,
    series: [{ name: c.series, values: c.values }],
  };
  const chart =
    c.type === 'pie'
      ? new ChartRun({ ...common, type: 'pie', dataLabels: { value: true, category: true } })
      : new ChartRun({ ...common, type: c.type, legend: false, dataLabels: { value: true } });
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // At least the chart's lines: an exact line box clips an inline drawing above the text's ascent.
    spacing: { line: height, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
    children: [chart],
  });
}
