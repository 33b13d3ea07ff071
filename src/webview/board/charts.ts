import { formatHours } from '../../core/model/cost';
import type { BoardState } from '../../protocol/boardMessages';
import { el, format, svg } from '../dom';

const WIDTH = 480;
const ROW = 24;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 60;

interface Bar {
  label: string;
  value: number;
  text: string;
}

/** A table with the chart's numbers: the text alternative screen readers and copy-paste can use. */
function table(caption: string, headers: string[], rows: string[][]): HTMLElement {
  const head = el('tr');
  head.append(...headers.map((text) => el('th', { scope: 'col', textContent: text })));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row', textContent: row[0] }), ...row.slice(1).map((text) => el('td', { textContent: text })));
    body.append(tr);
  }
  return el('details', { className: 'chart-data' }, el('summary', { textContent: caption }), el('table', {}, el('thead', {}, head), body));
}

function chartSvg(height: number, summary: string, ...children: SVGElement[]): SVGSVGElement {
  const node = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': summary, class: 'chart', preserveAspectRatio: 'xMinYMin meet' }, svg('title', {}), ...children);
  (node.firstChild as SVGTitleElement).textContent = summary;
  return node;
}

function text(x: number, y: number, value: string, className: string, anchor = 'start'): SVGTextElement {
  const node = svg('text', { x, y, class: className, 'text-anchor': anchor, 'dominant-baseline': 'middle' });
  node.textContent = value;
  return node;
}

function horizontalBars(bars: Bar[], summary: string, series: string): SVGSVGElement {
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const rows = bars.map((bar, index) => {
    const y = index * ROW;
    const width = max > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * span) : 0;
    return svg(
      'g',
      { class: 'row' },
      text(LABEL_WIDTH - 8, y + ROW / 2, bar.label, 'label', 'end'),
      svg('rect', { x: LABEL_WIDTH, y: y + 4, width: width.toFixed(1), height: ROW - 8, rx: 2, class: `bar ${series}` }),
      text(LABEL_WIDTH + width + 6, y + ROW / 2, bar.text, 'value'),
    );
  });
  return chartSvg(Math.max(ROW, bars.length * ROW), summary, ...rows);
}

function groupedBars(groups: { label: string; opened: number; decided: number }[], summary: string, legend: [string, string]): SVGSVGElement {
  const height = 170;
  const bottom = height - 24;
  const top = 22;
  const max = Math.max(1, ...groups.map((g) => Math.max(g.opened, g.decided)));
  const slot = (WIDTH - 20) / Math.max(groups.length, 1);
  const barWidth = Math.min(24, slot / 3);
  const parts: SVGElement[] = [
    svg('rect', { x: 10, y: 4, width: 10, height: 10, class: 'bar series-1' }),
    text(24, 9, legend[0], 'legend'),
    svg('rect', { x: 120, y: 4, width: 10, height: 10, class: 'bar series-2' }),
    text(134, 9, legend[1], 'legend'),
    svg('line', { x1: 10, x2: WIDTH - 10, y1: bottom, y2: bottom, class: 'axis' }),
  ];
  groups.forEach((group, index) => {
    const x = 10 + index * slot + slot / 2;
    for (const [offset, value, series] of [[-barWidth - 1, group.opened, 'series-1'], [1, group.decided, 'series-2']] as const) {
      const h = ((bottom - top) * value) / max;
      parts.push(svg('rect', { x: (x + offset).toFixed(1), y: (bottom - h).toFixed(1), width: barWidth.toFixed(1), height: h.toFixed(1), class: `bar ${series}` }));
      parts.push(text(x + offset + barWidth / 2, bottom - h - 7, String(value), 'value', 'middle'));
    }
    parts.push(text(x, bottom + 12, group.label, 'label', 'middle'));
  });
  return chartSvg(height, summary, ...parts);
}

function figure(id: string, title: string, body: Element, data: HTMLElement): HTMLElement {
  const node = el('figure', { className: 'chart-figure', id });
  node.append(el('figcaption', { textContent: title }), body, data);
  return node;
}

/** Wasted hours by kind, opened against decided per retro, and the top reasons; each with its numbers as a table. */
export function renderCharts(state: BoardState): HTMLElement {
  const { charts, labels, strings } = state;
  const section = el('section', { className: 'charts', id: 'charts' });
  section.setAttribute('aria-labelledby', 'charts-title');
  section.append(el('h2', { id: 'charts-title', textContent: strings.charts }));
  const empty = () => el('p', { className: 'hint', textContent: strings.chartEmpty });

  const hours = charts.hoursByKind;
  const totalHours = hours.reduce((sum, row) => sum + row.hours, 0);
  const top = [...hours].sort((a, b) => b.hours - a.hours)[0];
  const hoursSummary = format(strings.chartHoursSummary, formatHours(totalHours), top && top.hours > 0 ? labels.kinds[top.kind] : '—');
  section.append(
    figure(
      'chart-hours',
      strings.chartHours,
      totalHours > 0 ? horizontalBars(hours.map((row) => ({ label: labels.kinds[row.kind], value: row.hours, text: formatHours(row.hours) })), hoursSummary, 'series-1') : empty(),
      table(strings.chartTable, [strings.filterKind, strings.hours, strings.entries], hours.map((row) => [labels.kinds[row.kind], formatHours(row.hours), String(row.entries)])),
    ),
  );

  const retros = charts.openedVsDecided;
  const opened = retros.reduce((sum, row) => sum + row.opened, 0);
  const decided = retros.reduce((sum, row) => sum + row.decided, 0);
  section.append(
    figure(
      'chart-opened',
      strings.chartOpened,
      retros.length > 0 ? groupedBars(retros, format(strings.chartOpenedSummary, opened, decided, retros.length), [strings.opened, strings.decided]) : empty(),
      table(strings.chartTable, ['', strings.opened, strings.decided], retros.map((row) => [row.label, String(row.opened), String(row.decided)])),
    ),
  );

  const reasons = charts.topReasons;
  const first = reasons[0];
  section.append(
    figure(
      'chart-reasons',
      strings.chartReasons,
      first
        ? horizontalBars(
            reasons.map((row) => ({ label: labels.reasons[row.reason], value: row.count, text: String(row.count) })),
            format(strings.chartReasonsSummary, labels.reasons[first.reason], first.count),
            'series-3',
          )
        : empty(),
      table(strings.chartTable, [strings.filterReason, strings.entries], reasons.map((row) => [labels.reasons[row.reason], String(row.count)])),
    ),
  );
  return section;
}
