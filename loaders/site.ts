// The loaders' readers of the refresh's database for the whole-site JSON files (meta, the
// indicator series and the other JSON payloads of the site marts, src/site/).
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { vocabularies } from "../src/contract/vocabularies.ts";
import { ident, sql } from "../src/db/sql.ts";
import { ALL_KEY } from "../src/site/index.ts";
import { databasePath, readDatabase, type Query } from "./db.ts";

export { ALL_KEY, NO_NETWORK, slugify } from "../src/site/index.ts";

/** The refresh's output folder (its files' times and sizes are shown on the pages). */
export function outDir(): string {
  return process.env.REGIOMONITOR_OUT ?? "docs/.data";
}

/** The reference data folder (gemeenten, zorgkantoorregio's, maps; provenance in data/README.md). */
export function referenceDir(): string {
  return process.env.REGIOMONITOR_REFERENCE ?? "data/reference";
}

/** A network: its name as in the exports and its slug (the route `/netwerk/<slug>`). */
export interface Network {
  name: string;
  slug: string;
}

/**
 * The networks of the refresh (site_keys), sorted by name. Throws when a network's slug is empty
 * or another's: their pages and files (/netwerk/<slug>, …/<slug>.json) would collide.
 */
export async function networksIn(query: Query): Promise<Network[]> {
  const rows = await query<{ name: string; slug: string }>(
    sql`select network as name, key as slug from site_keys where scope_type = 'netwerk'`,
  );
  const networks = rows.sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const bySlug = new Map<string, string>();
  for (const { name, slug } of networks) {
    if (slug === "")
      throw new Error(`network "${name}" has no letters or digits for its file name`);
    const other = bySlug.get(slug);
    if (other !== undefined) {
      throw new Error(`networks "${other}" and "${name}" have the same file name ${slug}`);
    }
    bySlug.set(slug, name);
  }
  return networks;
}

/**
 * The routes the config builds from the database (dynamicPaths: a page per network) and the
 * per-scope files the pages fetch by URL (a list file per network with projects or meetings, a
 * graph and a series file per scope, a series file per indicator), which the build copies into
 * dist/ from the loaders' cache in one step (scripts/build/scope-files.js); none without a
 * database.
 */
export async function sitePaths(path = databasePath()): Promise<{
  networks: Network[];
  paths: string[];
  files: string[];
}> {
  try {
    return await readDatabase(async (query) => {
      const networks = await networksIn(query);
      const lists = await query<{ path: string }>(sql`
        select '/data/projecten/' || key || '.json' as path from site_project_lists
        union all
        select '/data/bijeenkomsten/' || key || '.json' from site_event_lists
        union all
        select '/data/samenvatting/' || key || '.json' from site_summaries
        order by path`);
      const regions = await query<{ key: string }>(sql`select key from site_iza_keys order by key`);
      const ids = await query<{ indicator: string }>(
        sql`select distinct indicator from site_series order by indicator`,
      );
      return {
        networks,
        paths: [
          ...networks.map((n) => `/netwerk/${n.slug}`),
          ...regions.map((r) => `/iza/${r.key}`),
        ],
        files: [
          ...lists.map((l) => l.path),
          ...[ALL_KEY, ...networks.map((n) => n.slug)].flatMap((k) => [
            `/data/netwerkgraaf/${k}.json`,
            `/data/financiering/${k}.json`,
            `/data/indicatoren/${k}.json`,
          ]),
          ...ids.map((i) => `/data/per-indicator/${i.indicator}.json`),
        ],
      };
    }, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { networks: [], paths: [], files: [] };
    throw error;
  }
}

/** The JSON payload of a one-row site mart (site_indicator_series, …). */
export async function martJson(table: string, path = databasePath()): Promise<string> {
  const [row] = await readDatabase(
    (query) => query<{ payload: string }>(sql`select payload from ${ident(table)}`),
    path,
  );
  if (!row) throw new Error(`${path}: ${table} is empty`);
  return row.payload;
}

/** Dutch display labels of vocabulary values where capitalising the value is not enough. */
const LABELS: Record<string, string> = {
  rif: "Regionaal Investeringsfonds",
  eu: "EU",
  rijk: "Rijk",
  eigen_bijdrage: "Eigen bijdrage",
  kennisinstelling: "Kennisinstelling",
};

/** A vocabulary value with its Dutch label, in the contract's order. */
export interface VocabularyValue {
  value: string;
  label: string;
}

/** What `docs/data/meta.json` holds. */
export interface MetaJson {
  /** The peildatum (as_of): the last reference date, ISO. */
  peildatum: string;
  /** The 12 reference dates, oldest first, ISO; the last is the peildatum. */
  reference_dates: string[];
  /** When the refresh wrote its outputs (ISO 8601 timestamp). */
  refreshed_at: string;
  networks: Network[];
  /** The IZA regions (scope_type `iza_regio`), sorted by name. */
  iza_regions: string[];
  /** The contract's vocabularies (sector, stage, source_type, kind, status, person_role). */
  vocabularies: Record<string, VocabularyValue[]>;
}

/** The list of networks, the peildatum and reference dates, the refresh time and the vocabularies. */
export async function metaJson(path = databasePath(), dir = outDir()): Promise<string> {
  const { dates, regions, networks } = await readDatabase(
    async (query) => ({
      dates: await query<{ d: string }>(
        sql`select strftime(d, '%Y-%m-%d') as d from ref_dates order by d`,
      ),
      regions: await query<{ scope: string }>(
        sql`select scope from iza_scopes where scope_type = 'iza_regio'`,
      ),
      networks: await networksIn(query),
    }),
    path,
  );
  const info = await stat(join(dir, "indicators.csv"));
  const vocab: Record<string, VocabularyValue[]> = {};
  for (const [name, spec] of Object.entries(vocabularies)) {
    vocab[name] = spec.values.map(({ value }) => ({
      value,
      label: LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replaceAll("_", " "),
    }));
  }
  const meta: MetaJson = {
    peildatum: dates.at(-1)?.d ?? "",
    reference_dates: dates.map((r) => r.d),
    refreshed_at: info.mtime.toISOString(),
    networks,
    iza_regions: regions.map((r) => r.scope).sort((a, b) => a.localeCompare(b, "nl")),
    vocabularies: vocab,
  };
  return JSON.stringify(meta);
}
