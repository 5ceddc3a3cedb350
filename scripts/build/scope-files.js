// The per-scope files that pages fetch with a plain URL (docs/components/series.js, lists.js,
// graph.js: `./data/<kind>/<key>.json`), written into dist/ in one step from the loaders' cache
// (loaders/site-cache.js) after `observable build`. As routes of the config's dynamicPaths each
// was a loader process of its own (≈ 0,2 CPU-s each, 170 files at national scale); the route
// loaders in docs/data/<kind>/ stay for `observable preview`, which runs them on request.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The kinds of per-scope file fetched by URL, each a folder of the cache and of dist/data/. */
export const STATIC_KINDS = [
  "projecten",
  "bijeenkomsten",
  "netwerkgraaf",
  "financiering",
  "samenvatting",
  "indicatoren",
  "per-indicator",
];

/**
 * Copies every `<kind>/<key>.json` of the cache folder `cache` to `dist`/data/<kind>/ for the
 * kinds of STATIC_KINDS; returns the number of files and their bytes. A kind missing from the
 * cache is an error: the pages would fetch files that do not exist.
 */
export function copyScopeFiles(cache, dist, kinds = STATIC_KINDS) {
  let files = 0;
  let bytes = 0;
  for (const kind of kinds) {
    const from = join(cache, kind);
    if (!existsSync(from)) throw new Error(`build: no ${kind} files in the site cache ${cache}`);
    const to = join(dist, "data", kind);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter((n) => n.endsWith(".json"))) {
      copyFileSync(join(from, name), join(to, name));
      files += 1;
      bytes += statSync(join(to, name)).size;
    }
  }
  return { files, bytes };
}
