// What a built page needs only after its first chart: the import statements and the data files
// of cells that take a variable defined as `afterFirstChart()` (docs/components/first-chart.js),
// such as `const firstChart = afterFirstChart();` and a later cell that reads `firstChart;`.
// Framework's runtime runs such a cell once that promise has resolved. Preloading its modules and
// files makes their bytes and compilation compete with what the first chart needs, so the build
// leaves them out of the page's preloads (page-bundles.js for modules, post-process.js for files).
import { MODULE_SCRIPT, registeredFiles } from "./page-imports.js";

/** A cell of Framework's compiled module script: `define({id: "…", inputs: […], …`. */
const CELL = /define\(\{id: "[^"]*", inputs: \[([^\]]*)\]/g;
/** A variable holding the first-chart promise. */
const FIRST_CHART = /\bconst ([\w$]+) = afterFirstChart\(\);/g;
/** A variable of a data file: `const x = FileAttachment("./data/x.arrow")…`. */
const FILE_VARIABLE = /\bconst ([\w$]+) = FileAttachment\("([^"]+)"\)/g;

/** The script's cells (start, inputs) and the names of its first-chart promises. */
function cellsOf(script) {
  const promises = new Set([...script.matchAll(FIRST_CHART)].map((m) => m[1]));
  const cells = [...script.matchAll(CELL)].map((m) => ({
    at: m.index,
    inputs: m[1]
      .split(",")
      .map((input) => input.trim().replace(/^"|"$/g, ""))
      .filter(Boolean),
  }));
  const waits = (cell) => cell !== undefined && cell.inputs.some((input) => promises.has(input));
  const cellAt = (index) => cells.filter((c) => c.at <= index).at(-1);
  return { cells, waits, cellAt };
}

/**
 * Per statement of `statements` (pageImports of `script`, each with its `index` in the script):
 * true when its cell waits for the first chart.
 */
export function lateStatements(script, statements) {
  const { waits, cellAt } = cellsOf(script);
  return statements.map(({ index }) => waits(cellAt(index)));
}

/**
 * The served paths of the files that only cells waiting for the first chart read: the file's one
 * FileAttachment is a variable that its own cell only defines and returns, and every cell that
 * takes it waits for the first chart.
 */
export function lateFiles(script) {
  const { cells, waits, cellAt } = cellsOf(script);
  const served = new Map(registeredFiles(script).map((f) => [f.name, f.path]));
  const late = [];
  for (const match of script.matchAll(FILE_VARIABLE)) {
    const [, variable, name] = match;
    if (script.split(`FileAttachment(${JSON.stringify(name)})`).length !== 2) continue;
    const own = cellAt(match.index);
    if (own === undefined) continue;
    const next = cells.find((c) => c.at > own.at);
    const body = script.slice(own.at, next?.at ?? script.length);
    // Unquoted uses in its own cell: the definition and the cell's return value, nothing more.
    const name$ = variable.replace(/\$/g, "\\$");
    const uses = body.match(new RegExp(`(?<!["\\w$])${name$}(?![\\w$"])`, "g")) ?? [];
    if (uses.length !== 2) continue;
    const readers = cells.filter((c) => c !== own && c.inputs.includes(variable));
    const path = served.get(name);
    if (path && readers.length > 0 && readers.every(waits)) late.push(path);
  }
  return late;
}

/** `html` without the fetch preloads of the files its first chart does not need (lateFiles). */
export function withoutLatePreloads(html) {
  const script = MODULE_SCRIPT.exec(html)?.[1];
  if (!script) return html;
  let text = html;
  for (const path of lateFiles(script)) {
    text = text.replace(`<link rel="preload" as="fetch" href="${path}" crossorigin>\n`, "");
  }
  return text;
}
