// Which import statements of a built page run only after its first chart: those in a cell that
// takes a variable defined as `afterFirstChart()` (docs/components/first-chart.js), such as
// `const firstChart = afterFirstChart();` and a later cell that reads `firstChart;`. Framework's
// runtime runs such a cell once that promise has resolved, so its modules are not needed before
// the first chart; preloading them makes their bytes and compilation compete with what the first
// chart needs (scripts/build/page-bundles.js leaves them out of the page's preloads).

/** A cell of Framework's compiled module script: `define({id: "…", inputs: […], …`. */
const CELL = /define\(\{id: "[^"]*", inputs: \[([^\]]*)\]/g;
/** A variable holding the first-chart promise. */
const FIRST_CHART = /\bconst ([\w$]+) = afterFirstChart\(\);/g;

/**
 * Per statement of `statements` (pageImports of `script`, each with its `index` in the script):
 * true when its cell waits for the first chart.
 */
export function lateStatements(script, statements) {
  const promises = new Set([...script.matchAll(FIRST_CHART)].map((m) => m[1]));
  const cells = [...script.matchAll(CELL)].map((m) => ({
    at: m.index,
    inputs: m[1]
      .split(",")
      .map((input) => input.trim().replace(/^"|"$/g, ""))
      .filter(Boolean),
  }));
  return statements.map(({ index }) => {
    const cell = cells.filter((c) => c.at <= index).at(-1);
    return cell !== undefined && cell.inputs.some((input) => promises.has(input));
  });
}
