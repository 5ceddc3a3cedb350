// The page's first chart before the sections that need not be there yet. Framework runs every
// cell whose inputs are ready, in one go: a long list, a table or a map whose file arrives first
// would be built (and laid out) before the chart at the top of the page is drawn. Such a cell
// starts with `await afterFirstChart()`: it goes on once a chart of the page is drawn (a figure's
// chart, KPI cards) and the browser has painted it, or after `timeout` ms if none is drawn.

let noteDrawn = () => {};
const drawn = new Promise((resolve) => (noteDrawn = resolve));

/** Notes that a chart of the page is drawn (figure() and kpiGrid() call it). */
export function chartDrawn() {
  noteDrawn();
}

/** Whether a figure's chart area holds its chart (or a message instead of one). */
function holdsChart(container) {
  return (
    container.querySelector("svg, canvas, img") !== null || !container.querySelector("div:empty")
  );
}

/**
 * Calls chartDrawn() once `container` (a figure's chart area) holds its chart: at once for a
 * chart drawn already or a message, else when Framework's resize() draws it into its empty div.
 */
export function watchChart(container) {
  if (holdsChart(container)) return chartDrawn();
  const observer = new MutationObserver(() => {
    if (!holdsChart(container)) return;
    observer.disconnect();
    chartDrawn();
  });
  observer.observe(container, { childList: true, subtree: true });
}

/** Resolves once the browser has painted the next frame. */
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves once a chart of the page is drawn and painted, or after `timeout` ms. */
export function afterFirstChart(timeout = 1500) {
  return Promise.race([
    drawn.then(afterPaint),
    new Promise((resolve) => setTimeout(resolve, timeout)),
  ]);
}
