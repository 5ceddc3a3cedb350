// The per-scope files (projecten/<key>, bijeenkomsten/<key>, netwerkgraaf/<key> and the network
// pages' netwerk/data/<key>). Framework runs one loader process per file, so these loaders are
// plain JavaScript run by node (no tsx start-up) and read a cache: the first process of a build
// takes a lock and fills it from the site marts in one query (loaders/scopes-fill.ts), into a
// folder named after the database's identity (path, size, modification time); the others wait
// for it and read their own file.
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

/** Where the per-scope payloads of a database are cached between a build's loader processes. */
export function cacheRoot() {
  return process.env.REGIOMONITOR_SITE_CACHE ?? join(tmpdir(), "regiomonitor-site");
}

/** The cache folder of the database at `path`: a new refresh gives a new folder. */
async function cacheDir(path) {
  const info = await stat(path);
  const identity = `${resolve(path)}\u0000${info.size}\u0000${info.mtimeMs}`;
  return join(cacheRoot(), createHash("sha256").update(identity).digest("hex").slice(0, 32));
}

/** The filler, in TypeScript: loaded through tsx only on a cache miss. */
async function filler() {
  const { tsImport } = await import("tsx/esm/api");
  return tsImport("./scopes-fill.ts", import.meta.url);
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

/** The JSON of one scope's file of `kind` (its key as in the route), from the site marts. */
export async function scopePayload(kind, key, path = databasePath()) {
  const dir = await cacheDir(path);
  await filled(dir, path);
  try {
    return await readFile(join(dir, kind, `${key}.json`), "utf8");
  } catch (error) {
    if (error?.code === "ENOENT") {
      throw new Error(`loader: no ${kind} file with the key ${key}`, { cause: error });
    }
    throw error;
  }
}

/** The value of `--<name>=…` among a loader's arguments (Framework passes route parameters so). */
export function paramOf(name, args = process.argv.slice(2)) {
  const prefix = `--${name}=`;
  const arg = args.find((a) => a.startsWith(prefix));
  if (arg == null) throw new Error(`loader: missing ${prefix}…`);
  return arg.slice(prefix.length);
}
