// Seeds Framework's loader cache (docs/.observablehq/cache) with the output of every data loader
// that serves a file of the loaders' shared cache (loaders/site-cache.js), before
// `observable build`. Framework then finds each output "fresh" (newer than its loader) and
// copies it, instead of starting one node process per file: at national scale ≈ 120 processes
// (the whole-site files, the network pages' and the region pages' own files), most of the
// build's time after page rendering. The bytes are those the loader would print (it prints the
// same cache file), so the pages, their hashed file names and FileAttachment stay as they are.
// A loader is recognised by its source: `sitePayload("<name>")` (a whole-site file) or
// `scopePayload("<kind>", paramOf("<param>"))` in a route loader `[<param>].<ext>.js` (one file
// per key of that kind). Any other loader is left to Framework, which runs it as before.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { walk } from "./files.js";

const SITE = /\bsitePayload\("([^"]+)"\)/;
const SCOPE = /\bscopePayload\("([^"]+)",\s*paramOf\("([^"]+)"\)\)/;

/**
 * The data loaders under `docs` that read the shared cache: for each, the target path (relative
 * to `docs`, "/" separated; for a route loader with `[param]` in place of the key) and what it
 * serves ({site: name} or {kind, param}). Framework's own folder (.observablehq) is skipped.
 */
export function cacheLoaders(docs) {
  const loaders = [];
  for (const path of walk(docs)) {
    const rel = relative(docs, path).split(sep).join("/");
    if (rel.startsWith(".observablehq/") || !/\.[a-z]+\.js$/.test(rel)) continue;
    const source = readFileSync(path, "utf8");
    const target = rel.slice(0, -".js".length);
    const site = SITE.exec(source);
    const scope = SCOPE.exec(source);
    if (site) loaders.push({ target, site: site[1] });
    // Only a route loader whose file name is the parameter: `[<param>].<ext>.js`.
    else if (scope && target.split("/").at(-1).startsWith(`[${scope[2]}].`)) {
      loaders.push({ target, kind: scope[1], param: scope[2] });
    }
  }
  return loaders.sort((a, b) => a.target.localeCompare(b.target));
}

/**
 * Copies into Framework's cache folder `frameworkCache` the output of every loader of
 * cacheLoaders(`docs`) from the filled shared cache `siteCache` (`site/<name>` and
 * `<kind>/<key>.json`), skipping the kinds in `skipKinds` (files that no page attaches).
 * Returns the number of files seeded and the loaders left to Framework because the shared cache
 * has no file for them (a route kind without a folder; a whole-site name without a file).
 */
export function seedLoaderCache(siteCache, docs, frameworkCache, skipKinds = []) {
  let files = 0;
  const missing = [];
  const seed = (from, target) => {
    const to = join(frameworkCache, ...target.split("/"));
    mkdirSync(dirname(to), { recursive: true });
    // A new file: its mtime is now, later than the loader's, so Framework takes it as fresh.
    copyFileSync(from, to);
    files += 1;
  };
  for (const loader of cacheLoaders(docs)) {
    if (loader.site !== undefined) {
      const from = join(siteCache, "site", loader.site);
      if (existsSync(from)) seed(from, loader.target);
      else missing.push(loader.target);
      continue;
    }
    if (skipKinds.includes(loader.kind)) continue;
    const folder = join(siteCache, loader.kind);
    if (!existsSync(folder)) {
      missing.push(loader.target);
      continue;
    }
    const ext = loader.target.slice(loader.target.lastIndexOf("."));
    for (const name of readdirSync(folder).filter((n) => n.endsWith(ext))) {
      const key = name.slice(0, -ext.length);
      seed(join(folder, name), loader.target.replace(`[${loader.param}]${ext}`, `${key}${ext}`));
    }
  }
  return { files, missing };
}
