// Keyboard access to tables that scroll sideways on a narrow screen (axe-core's
// scrollable-region-focusable): each `.table-scroll` in an element becomes a focusable, named
// region, so keyboard users can scroll it too.

/** Makes every `.table-scroll` inside `element` (or `element` itself) a focusable region. */
export function focusableScroll(element, label) {
  const regions = element.matches?.(".table-scroll")
    ? [element]
    : [...element.querySelectorAll(".table-scroll")];
  for (const region of regions) {
    region.tabIndex = 0;
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", label);
  }
  return element;
}
