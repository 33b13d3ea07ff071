import type { ImpactFigureView, ImpactView } from '../../protocol/reportData';
import { el, svg, userText } from '../dom';

const WIDTH = 480;
const HEIGHT = 190;
const BOTTOM = HEIGHT - 24;
const TOP = 26;
const SERIES = ['series-2', 'series-1', 'series-3'];

function text(x: number, y: number, value: string, className: string, anchor = 'start'): SVGTextElement {
  const node = svg('text', { x, y, class: className, 'text-anchor': anchor, 'dominant-baseline': 'middle' });
  node.textContent = value;
  return node;
}

/** Reclaimed, in progress and still wasted side by side at each point, with the numbers as a table. */
function trendChart(trend: ImpactView['trend'], hoursHeader: string): HTMLElement {
  const figure = el('figure', { className: 'chart-figure', id: 'chart-trend' });
  figure.append(el('figcaption', { textContent: trend.heading }), el('p', { className: 'hint explanation', textContent: trend.explanation }));
  if (trend.points.length === 0) return figure;
  const max = Math.max(1, ...trend.points.flatMap((p) => p.values));
  const slot = (WIDTH - 20) / trend.points.length;
  const bar = Math.min(18, slot / 4);
  const parts: SVGElement[] = [svg('line', { x1: 10, x2: WIDTH - 10, y1: BOTTOM, y2: BOTTOM, class: 'axis' })];
  trend.legend.forEach((name, index) => {
    parts.push(svg('rect', { x: 10 + index * 150, y: 4, width: 10, height: 10, class: `bar ${SERIES[index]}` }), text(24 + index * 150, 9, name, 'legend'));
  });
  trend.points.forEach((point, index) => {
    const x = 10 + index * slot + slot / 2 - (3 * bar) / 2;
    point.values.forEach((value, series) => {
      const h = ((BOTTOM - TOP) * value) / max;
      parts.push(svg('rect', { x: (x + series * bar).toFixed(1), y: (BOTTOM - h).toFixed(1), width: (bar - 1).toFixed(1), height: h.toFixed(1), class: `bar ${SERIES[series]}` }));
    });
    parts.push(text(x + (3 * bar) / 2, BOTTOM + 12, point.label, 'label', 'middle'));
  });
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': trend.explanation, class: 'chart', preserveAspectRatio: 'xMinYMin meet' }, ...parts);
  const head = el('tr');
  head.append(el('th', { scope: 'col' }), ...trend.legend.map((name) => el('th', { scope: 'col', textContent: `${name} (${hoursHeader})` })));
  const body = el('tbody');
  for (const point of trend.points) {
    const row = el('tr');
    row.append(el('th', { scope: 'row', textContent: point.label }), ...point.values.map((value) => el('td', { textContent: value.toFixed(1) })));
    body.append(row);
  }
  figure.append(chart, el('table', { className: 'chart-data' }, el('thead', {}, head), body));
  return figure;
}

function figureCard(figure: ImpactFigureView, impact: ImpactView): HTMLElement {
  const node = el('section', { className: `impact-figure ${figure.key}`, id: `impact-${figure.key}` });
  node.append(
    el('h3', { textContent: figure.heading }),
    el('p', { className: 'impact-hours', textContent: figure.hoursText }),
    el('p', { className: 'hint explanation', textContent: figure.explanation }),
  );
  if (figure.items.length > 0) {
    const body = el('tbody');
    for (const item of figure.items) {
      const row = el('tr');
      row.dataset.id = item.id;
      const title = el('th', { scope: 'row' }, userText('span', 'title', item.title));
      row.append(title, el('td', { textContent: item.hoursText }));
      body.append(row);
    }
    const head = el('tr');
    head.append(el('th', { scope: 'col', textContent: impact.entryHeader }), el('th', { scope: 'col', textContent: impact.hoursHeader }));
    node.append(el('details', { className: 'chart-data' }, el('summary', { textContent: figure.heading }), el('table', {}, el('thead', {}, head), body)));
  }
  return node;
}

/** The impact section: the three figures with the entries behind them, the trend, and what keeps coming back. */
export function renderImpact(impact: ImpactView): HTMLElement {
  const section = el('section', { className: 'impact charts', id: 'impact' });
  section.setAttribute('aria-labelledby', 'impact-title');
  section.append(el('h2', { id: 'impact-title', textContent: impact.heading }));
  const figures = el('div', { className: 'impact-figures' });
  figures.append(...impact.figures.map((figure) => figureCard(figure, impact)));
  section.append(figures, trendChart(impact.trend, impact.hoursHeader));

  const { recurrence } = impact;
  const recurring = el('section', { className: 'recurrence', id: 'recurrence' });
  recurring.append(el('h3', { textContent: recurrence.heading }), el('p', { className: 'hint explanation', textContent: recurrence.explanation }));
  const list = el('ul');
  for (const kind of recurrence.kinds) list.append(el('li', { className: 'recurring-kind' }, el('strong', { textContent: kind.label }), ` ${kind.text}`));
  for (const entry of recurrence.entries) list.append(el('li', { className: 'recurring-entry' }, userText('span', 'title', entry.title), ` ${entry.text}`));
  recurring.append(list.childElementCount > 0 ? list : el('p', { className: 'hint', textContent: recurrence.none }));
  section.append(recurring);
  return section;
}
