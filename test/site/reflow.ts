/// <reference lib="dom" />
// What needs horizontal scrolling on a page (WCAG 1.4.10 reflow), run in the page: the document
// itself, elements that reach past the viewport's edges, and scroll containers that scroll
// sideways. A container that scrolls by design is allowed: a keyboard-reachable, named region
// (`role="region"`, a tabindex, an aria-label: the tables of table.js and a11y.js, the IZA
// heatmap); so is everything inside one.

/** What scrolls sideways: `document` when the page does, and a description of each offender. */
export interface Reflow {
  viewport: number;
  document: number;
  offenders: string[];
  /** The scroll containers that scroll by design and do scroll at this width. */
  scrollers: string[];
}

/** Finds what scrolls sideways (self-contained: Playwright sends its source to the page). */
export function findOverflow(): Reflow {
  const viewport = document.documentElement.clientWidth;
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : "";
    const cls = [...element.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join("");
    const label = element.getAttribute("aria-label") ?? element.textContent?.trim() ?? "";
    return `${element.tagName.toLowerCase()}${id}${cls} "${label.slice(0, 40)}"`;
  };
  const byDesign = (element: Element) =>
    element.getAttribute("role") === "region" &&
    element.hasAttribute("tabindex") &&
    Boolean(element.getAttribute("aria-label"));
  const insideByDesign = (element: Element) => {
    for (let e = element.parentElement; e; e = e.parentElement) if (byDesign(e)) return true;
    return false;
  };
  const offenders: string[] = [];
  const scrollers: string[] = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (insideByDesign(element)) continue;
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") continue;
    // Framework's sidebar, when closed, waits outside the viewport on the left.
    if (element.closest("#observablehq-sidebar") && !element.closest(".observablehq-sidebar-open"))
      continue;
    const scrolls =
      /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    if (scrolls) (byDesign(element) ? scrollers : offenders).push(`scrolls: ${describe(element)}`);
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.right > viewport + 1 || rect.left < -1) {
      offenders.push(`${Math.round(rect.left)}–${Math.round(rect.right)} px: ${describe(element)}`);
    }
  }
  return { viewport, document: document.documentElement.scrollWidth, offenders, scrollers };
}
