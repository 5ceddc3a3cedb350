// Fills the cache of loaders/site-cache.js: every payload of docs/data (the whole-site files and
// every scope's file of the site marts), computed over one read-only connection to the refresh's
// database and written as one file each. TypeScript (it opens the database), so it is loaded
// only on a cache miss: once per build.
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { mappingExplanationNl, mappingTitleNl } from "../src/contract/mapping-doc.ts";
import { ident, join as joinSql, sql } from "../src/db/sql.ts";
import { outputArrow, outputJson, queryArrow } from "./arrow.ts";
import { sharingDatabase, readDatabase } from "./db.ts";
import { membersByRegionJson, topojsonJson } from "./geo.ts";
import {
  contractCsv,
  contractJson,
  dictionaryCsv,
  downloadsJson,
  methodJson,
} from "./site-extra.ts";
import { izaJson, izaRegionsJson } from "./iza-regions.ts";
import { indicatorFiles, indicatorIdFiles } from "./series.ts";
import { martJson, metaJson } from "./site.ts";

/** The kinds of per-scope file, with the site mart that holds their payloads. */
export const MARTS = {
  projecten: "site_project_lists",
  bijeenkomsten: "site_event_lists",
  netwerkgraaf: "site_graphs",
  netwerk: "site_network_pages",
  financiering: "site_funding",
  "iza-regio": "site_iza_pages",
  samenvatting: "site_summaries",
} as const;

/** The kinds of per-scope file cut from a whole-site payload (loaders/series.ts). */
export const CUT = { indicatoren: indicatorFiles, "per-indicator": indicatorIdFiles } as const;

/** The whole-site files of docs/data by name (the loader docs/data/<name>.js serves <name>). */
export const SITE_FILES: Readonly<
  Record<string, () => string | Uint8Array | Promise<string | Uint8Array>>
> = {
  "changes.json": () => martJson("site_changes"),
  "contract.json": contractJson,
  "data_quality.arrow": () => outputArrow("data_quality"),
  "datawoordenboek-contract.nl.csv": contractCsv,
  "datawoordenboek-tabellen.nl.csv": dictionaryCsv,
  "downloads.json": () => downloadsJson(),
  "event_roles.arrow": () =>
    queryArrow(
      [
        { name: "event_id", type: "text" },
        { name: "person_role", type: "text" },
        { name: "attended", type: "integer" },
      ],
      sql`select * from site_event_roles`,
    ),
  "enquete.json": () => martJson("site_survey"),
  "events_summary.json": () => martJson("site_events_summary"),
  "funding_by_source.arrow": () => outputArrow("funding_by_source"),
  "gemeente_2025.json": () => topojsonJson("gemeente_2025"),
  "indicator_catalog.arrow": () => outputArrow("indicator_catalog"),
  // The same rows for the network and IZA region pages, whose KPI cards need no apache-arrow.
  "indicator_catalog.json": () => outputJson("indicator_catalog"),
  "indicator_series.json": () => martJson("site_indicator_series"),
  "iza-mijlpalen.json": () => izaJson(),
  "iza_progress.arrow": () => outputArrow("iza_progress"),
  "iza-regios.json": () => izaRegionsJson(),
  "mapping.json": () => JSON.stringify({ title: mappingTitleNl, markdown: mappingExplanationNl }),
  "members_by_region.json": () => membersByRegionJson(),
  "members_by_sector.arrow": () => outputArrow("members_by_sector"),
  "meta.json": () => metaJson(),
  "methode.json": () => methodJson(),
  "projects_summary.json": () => martJson("site_projects_summary"),
  "rejects.arrow": () => outputArrow("rejects"),
  "signals.arrow": () => outputArrow("signals"),
  // Only the signals that the page Financiering lists (1.836 of 2.015 at national scale).
  "signals-verduurzaming.arrow": () => outputArrow("signals", { signal: "verduurzaming_risico" }),
  "zorgkantoorregio_2025.json": () => topojsonJson("zorgkantoorregio_2025"),
};

/** Every payload of the database at `path`, written as one file each into `dir`. */
export async function fill(dir: string, path: string): Promise<void> {
  const staging = `${dir}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  for (const kind of [...Object.keys(MARTS), ...Object.keys(CUT), "site"]) {
    await mkdir(join(staging, kind), { recursive: true });
  }
  await sharingDatabase(path, async () => {
    const parts = Object.entries(MARTS).map(
      ([kind, table]) => sql`select ${kind} as kind, key, payload from ${ident(table)}`,
    );
    const rows = await readDatabase(
      (q) => q<{ kind: string; key: string; payload: string }>(joinSql(parts, "\nunion all\n")),
      path,
    );
    await Promise.all(
      rows.map((r) => writeFile(join(staging, r.kind, `${r.key}.json`), r.payload)),
    );
    // One after the other: they share the one connection.
    for (const [kind, files] of Object.entries(CUT)) {
      for (const [key, payload] of await files(path)) {
        await writeFile(join(staging, kind, `${key}.json`), payload);
      }
    }
    for (const [name, payload] of Object.entries(SITE_FILES)) {
      await writeFile(join(staging, "site", name), await payload());
    }
  });
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
