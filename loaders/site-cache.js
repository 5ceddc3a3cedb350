// Every file of docs/data (and the network pages' netwerk/data/<key>). Framework runs one loader
// process per file, so the loaders are plain JavaScript run by node (no tsx start-up, no DuckDB)
// and read a cache: the first process of a build takes a lock and fills it with every payload,
// over one read-only connection to the refresh's database (loaders/site-fill.ts), into a folder
// named after the database's identity (path, size, modification time; with the output and
// reference folders that some payloads read); the others wait for it and read their own file.
// scripts/build.js gives each build its own cache root, so a build never serves payloads that
// an earlier build's code wrote; it fills the cache itself before `observable build` and seeds
// Framework's cache with every loader's output (scripts/build/seed-loaders.js), so that in a
// build no loader process runs at all.
// The per-scope files that pages fetch by URL (lists, graphs, funding, series) are no routes of
// the build: scripts/build/scope-files.js copies them from this cache in one step (filledCache);
// their route loaders in docs/data/<kind>/ serve `observable preview`.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { setTimeout as sleep } from "node:timers/promises";

/** How long a loader process waits for another one that is filling the cache (ms). */
const WAIT = 180_000;

/** The database the refresh wrote (as loaders/paths.ts). */
const databasePath = () => process.env.REGIOMONITOR_DB ?? "data/monitor.duckdb";

/** Where the payloads of a database are cached between a build's loader processes. */
export function cacheRoot() {
  return process.env.REGIOMONITOR_SITE_CACHE ?? join(tmpdir(), "regiomonitor-site");
}

/** The cache folder of the database at `path`: a new refresh gives a new folder. */
async function cacheDir(path) {
  const info = await stat(path);
  const identity = [
    resolve(path),
    info.size,
    info.mtimeMs,
    // As loaders/site.ts outDir and referenceDir: meta and downloads read the output files.
    resolve(process.env.REGIOMONITOR_OUT ?? "docs/.data"),
    resolve(process.env.REGIOMONITOR_REFERENCE ?? "data/reference"),
  ].join("\u0000");
  return join(cacheRoot(), createHash("sha256").update(identity).digest("hex").slice(0, 32));
}

/** The filler, in TypeScript: loaded through tsx only on a cache miss. */
async function filler() {
  const { tsImport } = await import("tsx/esm/api");
  return tsImport("./site-fill.ts", import.meta.url);
}

/** Makes sure the cache folder `dir` exists: one process fills it, the others wait. */
async function filled(dir, path) {
  const lock = `${dir}.lock`;
  await mkdir(cacheRoot(), { recursive: true });
  for (let waited = 0; !existsSync(dir); waited += 50) {
    try {
      await mkdir(lock);
    } catch (error) {
      if (error?.code !== "EEXIST") throw error;
      if (waited > WAIT) {
        throw new Error(`loader: ${lock} stays locked; remove it if no build is running`, {
          cause: error,
        });
      }
      await sleep(50);
      continue;
    }
    try {
      if (!existsSync(dir)) await (await filler()).fill(dir, path);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** The bytes of the cached file `file` (relative to the cache folder of the database at `path`). */
async function cached(file, what, path) {
  const dir = await cacheDir(path);
  await filled(dir, path);
  try {
    return await readFile(join(dir, file));
  } catch (error) {
    if (error?.code === "ENOENT") throw new Error(`loader: no ${what}`, { cause: error });
    throw error;
  }
}

/**
 * The cache folder of the database at `path`, filled: `<kind>/<key>.json` for every per-scope
 * file and `site/<name>` for every whole-site file. The build copies the per-scope files from
 * here into dist/ in one step (scripts/build/scope-files.js) instead of one loader process each.
 */
export async function filledCache(path = databasePath()) {
  const dir = await cacheDir(path);
  await filled(dir, path);
  return dir;
}

/** The JSON of one scope's file of `kind` (its key as in the route), from the site marts. */
export async function scopePayload(kind, key, path = databasePath()) {
  const bytes = await cached(join(kind, `${key}.json`), `${kind} file with the key ${key}`, path);
  return bytes.toString("utf8");
}

/** The bytes of the whole-site file docs/data/`name` (e.g. `meta.json`, `signals.arrow`). */
export async function sitePayload(name, path = databasePath()) {
  return cached(join("site", name), `site file ${name}`, path);
}

/** The value of `--<name>=…` among a loader's arguments (Framework passes route parameters so). */
export function paramOf(name, args = process.argv.slice(2)) {
  const prefix = `--${name}=`;
  const arg = args.find((a) => a.startsWith(prefix));
  if (arg == null) throw new Error(`loader: missing ${prefix}…`);
  return arg.slice(prefix.length);
}
