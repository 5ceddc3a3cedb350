// The per-scope files (projecten/<key>, bijeenkomsten/<key>, netwerkgraaf/<key>, the network
// pages' netwerk/data/<key>): Framework runs one loader process per file, so the first process
// of a build reads every scope's payload from the site marts in one query and writes them to a
// cache folder named after the database's identity (path, size, modification time); the other
// processes read their file from there without opening the database.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { databasePath } from "./db.ts";

/** The kinds of per-scope file, with the site mart that holds their payloads. */
const MARTS = {
  projecten: "site_project_lists",
  bijeenkomsten: "site_event_lists",
  netwerkgraaf: "site_graphs",
  netwerk: "site_network_pages",
} as const;

export type ScopeKind = keyof typeof MARTS;

/** Where the per-scope payloads of a database are cached between a build's loader processes. */
export function cacheRoot(): string {
  return process.env.REGIOMONITOR_SITE_CACHE ?? join(tmpdir(), "regiomonitor-site");
}

/** The cache folder of the database at `path`: a new refresh gives a new folder. */
async function cacheDir(path: string): Promise<string> {
  const info = await stat(path);
  const identity = `${resolve(path)}\u0000${info.size}\u0000${info.mtimeMs}`;
  return join(cacheRoot(), createHash("sha256").update(identity).digest("hex").slice(0, 32));
}

/** Every scope's payloads in one query, written as one file per kind and key into `dir`. */
async function fill(dir: string, path: string): Promise<void> {
  const [{ readDatabase }, { sql, trusted }] = await Promise.all([
    import("./db.ts"),
    import("../src/db/sql.ts"),
  ]);
  const parts = Object.entries(MARTS).map(
    ([kind, table]) => sql`select ${kind} as kind, key, payload from ${trusted(table)}`,
  );
  const rows = await readDatabase(
    (q) =>
      q<{ kind: string; key: string; payload: string }>(
        sql`${trusted(parts.map((p) => p.text).join(" union all "))}`,
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
    // Another loader process was first: its folder holds the same payloads.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}

/** The JSON of one scope's file of `kind` (its key as in the route), from the site marts. */
export async function scopePayload(
  kind: ScopeKind,
  key: string,
  path = databasePath(),
): Promise<string> {
  const dir = await cacheDir(path);
  if (!existsSync(dir)) await fill(dir, path);
  try {
    return await readFile(join(dir, kind, `${key}.json`), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`loader: no ${kind} file with the key ${key}`, { cause: error });
    }
    throw error;
  }
}

/** The value of `--<name>=…` among a loader's arguments (Framework passes route parameters so). */
export function paramOf(name: string, args = process.argv.slice(2)): string {
  const prefix = `--${name}=`;
  const arg = args.find((a) => a.startsWith(prefix));
  if (arg == null) throw new Error(`loader: missing ${prefix}…`);
  return arg.slice(prefix.length);
}
