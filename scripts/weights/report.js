// The Dutch report of `npm run weights` (scripts/page-weights.js): one row per page with its
// verdicts against the targets, the totals, and with --requests each page's requests.
import console from "node:console";
import { TARGETS } from "./measure.js";

const number = (value, digits = 0) =>
  value.toLocaleString("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Bytes as kB (1.000 bytes, as the target), one decimal. */
const kb = (bytes) => number(bytes / 1000, 1);
const verdict = (ok) => (ok ? "gehaald" : "NIET GEHAALD");

/** Prints `rows` (the first is the header) as a table with aligned columns. */
function printRows(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [index, row] of rows.entries()) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join("  "),
    );
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

export function printTable(results, build) {
  printRows([
    [
      "pagina",
      "verzoeken",
      "kB ongecompr.",
      "kB gzip",
      `≤ ${kb(TARGETS.bytes)} kB`,
      "eerste grafiek (ms)",
      `< ${number(TARGETS.firstChartMs)} ms`,
      "andere herkomst",
    ],
    ...results.map((r) => [
      r.path,
      String(r.requests),
      kb(r.raw),
      kb(r.gzip),
      verdict(r.bytesOk),
      r.firstChartMs === null ? "–" : number(r.firstChartMs),
      r.firstChartMs === null ? "–" : verdict(r.timeOk),
      r.external.length ? `${r.external.length} geblokkeerd` : "geen",
    ]),
  ]);
  const heavy = results.filter((r) => !r.bytesOk).length;
  const slow = results.filter((r) => !r.timeOk).length;
  const leaking = results.filter((r) => r.external.length).length;
  console.log("");
  console.log(`pagina's: ${results.length}`);
  console.log(
    `gewicht ≤ ${kb(TARGETS.bytes)} kB gzip: ${verdict(heavy === 0)} (${heavy} te zwaar)`,
  );
  console.log(
    `eerste grafiek < ${number(TARGETS.firstChartMs)} ms: ${verdict(slow === 0)} (${slow} te traag)`,
  );
  console.log(`verzoeken naar andere herkomst: ${verdict(leaking === 0)} (${leaking} pagina's)`);
  if (build) {
    console.log(
      `bouwtijd site ≤ ${number(TARGETS.buildMs / 1000)} s: ${number(build.buildMs / 1000, 1)} s, ${verdict(build.buildOk)}` +
        ` (verversen ${number(build.refreshMs / 1000, 1)} s, geen doel)`,
    );
  }
}

/** With --requests: the requests of one load of `path`, heaviest first (gzip kB). */
export function printRequests(path, sizes, base) {
  console.log(`${path}:`);
  for (const size of [...sizes].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${kb(size.gzip).padStart(7)}  ${decodeURI(size.url.slice(base.length))}`);
  }
}
