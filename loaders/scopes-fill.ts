// Fills the per-scope cache of loaders/scope-cache.js: every scope's payload of the site marts
// in one query, written as one file per kind and key. TypeScript (it opens the database), so
// it is loaded only on a cache miss.
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { sql, trusted } from "../src/db/sql.ts";
import { readDatabase } from "./db.ts";

/** The kinds of per-scope file, with the site mart that holds their payloads. */
export const MARTS = {
  projecten: "site_project_lists",
  bijeenkomsten: "site_event_lists",
  netwerkgraaf: "site_graphs",
  netwerk: "site_network_pages",
} as const;

/** Every scope's payloads in one query, written as one file per kind and key into `dir`. */
export async function fill(dir: string, path: string): Promise<void> {
  const parts = Object.entries(MARTS).map(
    ([kind, table]) => sql`select ${kind} as kind, key, payload from ${trusted(table)}`,
  );
  const rows = await readDatabase(
    (q) =>
      q<{ kind: string; key: string; payload: string }>(
        trusted(parts.map((p) => p.text).join("\nunion all\n")),
      ),
    path,
  );
  const staging = `${dir}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  for (const kind of Object.keys(MARTS)) await mkdir(join(staging, kind), { recursive: true });
  await Promise.all(rows.map((r) => writeFile(join(staging, r.kind, `${r.key}.json`), r.payload)));
  try {
    await rename(staging, dir);
  } catch (error) {
    // Another process was first: its folder holds the same payloads.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  await pruneCache(dirname(dir));
}

/** A day: cache folders older than this belong to earlier refreshes and are removed. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the cache folders of earlier refreshes (older than a day, so that a build still
 * reading its own is never disturbed).
 */
async function pruneCache(root: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(root)) {
    const path = join(root, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
