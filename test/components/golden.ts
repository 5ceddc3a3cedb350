/// <reference lib="dom" />
// Golden files in Plot's manner (test/plot-snapshot.js): a component's output, serialised with
// stable ids, is compared with the committed file in test/components/golden/. On a mismatch the
// new output is written beside it as <name>-changed.svg (or .html) and the test fails. Goldens
// are (re)written only with UPDATE_GOLDEN=1 on a developer's machine, never when CI is set.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const GOLDEN_DIR = join(root, "test", "components", "golden");

/** A module of docs/components (plain browser JavaScript, so untyped here). */
export type Component = Record<string, (...args: unknown[]) => unknown> & Record<string, unknown>;

/** Imports docs/components/<name>.js. */
export async function component(name: string): Promise<Component> {
  const url = pathToFileURL(join(root, "docs", "components", `${name}.js`)).href;
  return (await import(url)) as Component;
}

/**
 * The element as text: one tag per line, and Plot's counters (plot-clip-7, plot-marker-3, …,
 * numbered over every chart drawn in the process) renumbered from 1 in order of appearance.
 */
export function serialise(element: Element): string {
  const text = element.outerHTML.replace(/></g, ">\n<");
  const ids = new Map<string, string>();
  for (const [, id] of text.matchAll(/\bid="(plot-[a-z]+-\d+)"/g)) {
    if (!ids.has(id!)) ids.set(id!, `${id!.replace(/\d+$/, "")}${ids.size + 1}`);
  }
  return `${text.replace(/\bplot-[a-z]+-\d+\b/g, (id) => ids.get(id) ?? id)}\n`;
}

/** Whether goldens may be rewritten: asked for, and not in CI. */
const updating = () => Boolean(process.env.UPDATE_GOLDEN) && !process.env.CI;

/**
 * Compares `element` with golden/<name>.svg (an <svg>) or .html (anything else). Throws, after
 * writing <name>-changed.<ext> beside it, when they differ or the golden is missing.
 */
export function matchGolden(name: string, element: Element): void {
  const ext = element.tagName.toLowerCase() === "svg" ? "svg" : "html";
  const file = join(GOLDEN_DIR, `${name}.${ext}`);
  const changed = join(GOLDEN_DIR, `${name}-changed.${ext}`);
  const actual = serialise(element);
  if (updating()) {
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  throw new Error(
    expected === null
      ? `golden missing: ${file}; wrote ${changed} (UPDATE_GOLDEN=1 accepts it)`
      : `golden differs: ${name}.${ext}; wrote ${changed} (compare, then UPDATE_GOLDEN=1 accepts it)`,
  );
}
