// The module graph of the built site: the relative imports in a module's text, and the modules
// that a set of roots reaches by following them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The relative module specifiers in JavaScript text: static imports, re-exports and import(). */
export function moduleSpecifiers(text) {
  const found = new Set();
  const patterns = [
    /\b(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
  return [...found];
}

/** The modules reachable from `roots` (absolute paths) by following relative imports. */
export function reachable(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    // Framework's stdlib names optional modules (xlsx, zip, …) that a build without them lacks.
    if (!existsSync(path)) continue;
    for (const spec of moduleSpecifiers(readFileSync(path, "utf8"))) {
      queue.push(resolve(dirname(path), spec));
    }
  }
  return seen;
}
