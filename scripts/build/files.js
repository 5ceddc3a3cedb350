// Walking the built site: every file under a folder, and the line of an offset in a text.
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`, depth first. */
export function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** The 1-based line of `index` in `text`. */
export function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}
