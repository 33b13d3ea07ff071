import { formatHours } from '../../core/model/cost';
import type { BoardState } from '../../protocol/boardMessages';
import { el, format } from '../dom';
import { counted } from './words';

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

/** The chart as one image for assistive technology; its parts are drawn with CSS, so its text keeps the editor's font size at any width. */
function chartBox(className: string, summary: string, ...children: HTMLElement[]): HTMLElement {
  const node = el('div', { className: `chart ${className}`, role: 'img', title: summary }, ...children);
  node.setAttribute('aria-label', summary);
  return node;
}

/** A share of the largest value, as a CSS length; a value above 0 always shows a sliver. */
function share(value: number, max: number): string {
  return max > 0 && value > 0 ? `max(2px, ${((value / max) * 100).toFixed(1)}%)` : '0';
}

function horizontalBars(bars: Bar[], summary: string, series: string): HTMLElement {
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const rows = bars.map((bar) => {
    const fill = el('span', { className: `bar ${series}` });
    fill.style.width = share(bar.value, max);
    return el('div', { className: 'bar-row' }, el('span', { className: 'label', textContent: bar.label, title: bar.label }), el('span', { className: 'track' }, fill), el('span', { className: 'value', textContent: bar.text }));
  });
  return chartBox('bars', summary, ...rows);
}

function groupedBars(groups: { label: string; opened: number; decided: number }[], summary: string, legend: [string, string]): HTMLElement {
  const max = Math.max(1, ...groups.map((g) => Math.max(g.opened, g.decided)));
  const key = el(
    'div',
    { className: 'legend' },
    el('span', { className: 'key' }, el('span', { className: 'swatch series-1' }), el('span', { textContent: legend[0] })),
    el('span', { className: 'key' }, el('span', { className: 'swatch series-2' }), el('span', { textContent: legend[1] })),
  );
  const plot = el('div', { className: 'plot' });
  for (const group of groups) {
    const pair = el('div', { className: 'pair' });
    for (const [value, series] of [[group.opened, 'series-1'], [group.decided, 'series-2']] as const) {
      const column = el('span', { className: `column-bar ${series}` });
      column.style.height = share(value, max);
      pair.append(el('span', { className: 'stack' }, el('span', { className: 'value', textContent: String(value) }), column));
    }
    plot.append(el('div', { className: 'group' }, pair, el('span', { className: 'label', textContent: group.label, title: group.label })));
  }
  return chartBox('grouped', summary, key, plot);
}

function figure(id: string, title: string, body: HTMLElement, data: HTMLElement): HTMLElement {
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
      retros.length > 0 ? groupedBars(retros, counted(strings.chartOpenedSummary, retros.length, opened, decided), [strings.opened, strings.decided]) : empty(),
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
            counted(strings.chartReasonsSummary, first.count, labels.reasons[first.reason]),
            'series-3',
          )
        : empty(),
      table(strings.chartTable, [strings.filterReason, strings.entries], reasons.map((row) => [labels.reasons[row.reason], String(row.count)])),
    ),
  );
  return section;
}
