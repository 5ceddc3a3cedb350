// A link to a chart on another page (a summary sentence: /leden?netwerk=…#grafiek-retentie_12m)
// names an anchor that exists only once the page has drawn its charts, after the browser's own
// scroll to the fragment. followChartAnchor scrolls to it when it appears, and keeps it in view
// while the charts above it are still drawn, until the reader scrolls or types.

/** How long the page follows its anchor at most (ms). */
const FOLLOW_MS = 8000;

let following = false;

/** The element the location's hash names when it is a chart or KPI anchor, else null. */
function target() {
  const hash = decodeURIComponent(window.location.hash.slice(1));
  return /^(grafiek|kpi)-/.test(hash) ? document.getElementById(hash) : null;
}

/**
 * Starts following the anchor of the location's hash (once per page load): scrolls it into view
 * as soon as it exists and again whenever content drawn above it moves it, for at most FOLLOW_MS
 * or until the reader scrolls, clicks or types.
 */
export function followChartAnchor() {
  if (following || typeof window === "undefined" || !/^#(grafiek|kpi)-/.test(location.hash)) return;
  following = true;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of STOP_EVENTS) window.removeEventListener(type, stop, true);
  };
  const place = () => {
    const element = target();
    if (element && Math.abs(element.getBoundingClientRect().top) > 1) element.scrollIntoView();
  };
  const observer = new MutationObserver(() => requestAnimationFrame(place));
  observer.observe(document.body, { childList: true, subtree: true });
  const timer = setTimeout(stop, FOLLOW_MS);
  for (const type of STOP_EVENTS)
    window.addEventListener(type, stop, { capture: true, passive: true });
  requestAnimationFrame(place);
}

/** What a reader does that ends the following. */
const STOP_EVENTS = ["wheel", "touchstart", "keydown", "mousedown"];
