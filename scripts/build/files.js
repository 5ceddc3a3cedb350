// Walking the built site: every file under a folder, its pages, and the line of an offset in a
// text.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DOWNLOADS_FOLDER } from "./downloads.js";

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

/** Every page in `dir` as its clean URL path ("/", "/signalen", "/netwerk/x"), except 404. */
export function builtPages(dir, prefix = "/") {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) {
        return entry.name.startsWith("_") || entry.name === DOWNLOADS_FOLDER
          ? []
          : builtPages(join(dir, entry.name), `${prefix}${entry.name}/`);
      }
      if (!entry.name.endsWith(".html") || (prefix === "/" && entry.name === "404.html")) return [];
      return [
        entry.name === "index.html" ? prefix : `${prefix}${entry.name.slice(0, -".html".length)}`,
      ];
    })
    .sort();
}
