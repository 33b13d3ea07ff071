import type { ImpactFigureView, ImpactView } from '../../protocol/impactView';
import { el, userText } from '../dom';

const SERIES = ['series-2', 'series-1', 'series-3'];

/** Reclaimed, in progress and still wasted side by side at each point, drawn with CSS like the other charts, with the numbers as a table. */
function trendChart(trend: ImpactView['trend'], hoursHeader: string): HTMLElement {
  const figure = el('figure', { className: 'chart-figure', id: 'chart-trend' });
  figure.append(el('figcaption', { textContent: trend.heading }), el('p', { className: 'hint explanation', textContent: trend.explanation }));
  if (trend.points.length === 0) return figure;
  const max = Math.max(1, ...trend.points.flatMap((p) => p.values));
  const key = el('div', { className: 'legend' });
  trend.legend.forEach((name, index) => key.append(el('span', { className: 'key' }, el('span', { className: `swatch ${SERIES[index]}` }), el('span', { textContent: name }))));
  const plot = el('div', { className: 'plot' });
  for (const point of trend.points) {
    const group = el('div', { className: 'pair' });
    point.values.forEach((value, series) => {
      const column = el('span', { className: `column-bar ${SERIES[series]}` });
      column.style.height = value > 0 ? `max(2px, ${((value / max) * 100).toFixed(1)}%)` : '0';
      group.append(el('span', { className: 'stack' }, column));
    });
    plot.append(el('div', { className: 'group' }, group, el('span', { className: 'label', textContent: point.label, title: point.label })));
  }
  const chart = el('div', { className: 'chart grouped trend', role: 'img', title: trend.explanation }, key, plot);
  chart.setAttribute('aria-label', trend.explanation);
  const head = el('tr');
  head.append(el('th', { scope: 'col' }), ...trend.legend.map((name) => el('th', { scope: 'col', textContent: `${name} (${hoursHeader})` })));
  const body = el('tbody');
  for (const point of trend.points) {
    const row = el('tr');
    row.append(el('th', { scope: 'row', textContent: point.label }), ...point.values.map((value) => el('td', { textContent: value.toFixed(1) })));
    body.append(row);
  }
  figure.append(chart, el('details', { className: 'chart-data' }, el('summary', { textContent: hoursHeader }), el('table', {}, el('thead', {}, head), body)));
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

/**
 * The impact section, on the board and in the static report: the three figures (with the entries behind
 * them when `impact` lists them), the trend, and what keeps coming back.
 */
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
