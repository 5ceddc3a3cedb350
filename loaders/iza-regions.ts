// The IZA payloads: the milestones with their regions linked to the zorgkantoorregio's
// (docs/data/iza-mijlpalen.json) and the regions that have a page of their own (/iza/<key>,
// docs/data/iza-regios.json).
import { join } from "node:path";
import { sql } from "../src/db/sql.ts";
import { databasePath, readCsv, readDatabase } from "./db.ts";
import { referenceDir } from "./site.ts";

/** A zorgkantoorregio of data/reference/zorgkantoorregios.csv. */
export interface Zorgkantoorregio {
  code: string;
  naam: string;
}

/** Reads `zorgkantoorregios.csv` (code,naam,provinciecodes). */
export async function readZorgkantoorregios(dir = referenceDir()): Promise<Zorgkantoorregio[]> {
  const records = await readCsv(join(dir, "zorgkantoorregios.csv"));
  return records.map((r) => ({ code: r.code ?? "", naam: r.naam ?? "" }));
}

/** How an iza_region as written in milestones.csv links to a zorgkantoorregio, if it does. */
export interface RegionLink {
  iza_region: string;
  /** The zorgkantoorregio code (ZK30), or null when the region is not a zorgkantoorregio. */
  code: string | null;
  /** The zorgkantoorregio name, or the region as written when it is not one. */
  naam: string;
}

/**
 * Links a region name to a zorgkantoorregio by its code (`ZK30`, `zk 30`, `ZK3` → ZK03) or its name
 * (case-insensitive); other names (`Regio De Peel`) stay as written.
 */
export function linkRegion(region: string, regios: readonly Zorgkantoorregio[]): RegionLink {
  const trimmed = region.trim();
  const code = /^zk\s*(\d{1,2})$/i.exec(trimmed);
  const found = code
    ? regios.find((r) => r.code === `ZK${code[1]!.padStart(2, "0")}`)
    : regios.find((r) => r.naam.toLowerCase() === trimmed.toLowerCase());
  return found
    ? { iza_region: region, code: found.code, naam: found.naam }
    : { iza_region: region, code: null, naam: trimmed };
}

/** One milestone of a regional plan, as loaded by the refresh (cancelled ones included). */
export interface Milestone {
  milestone_id: string;
  iza_region: string;
  iza_theme: string;
  title: string;
  project_id: string | null;
  due_on: string;
  completed_on: string | null;
  cancelled: boolean;
}

/** The loaded milestones and the peildatum, read (read-only) from the refresh's database. */
export async function readMilestones(
  path = databasePath(),
): Promise<{ as_of: string | null; milestones: Milestone[] }> {
  return readDatabase(async (query) => {
    const [asOf] = await query<{ value: string }>(
      sql`select value from load_info where key = 'as_of'`,
    );
    const milestones = await query<Milestone>(sql`
      select milestone_id, iza_region, iza_theme, title, project_id,
             strftime(due_on, '%Y-%m-%d') as due_on,
             strftime(completed_on, '%Y-%m-%d') as completed_on,
             coalesce(cancelled, false) as cancelled
      from milestones
      order by iza_region, due_on, milestone_id`);
    return { as_of: asOf?.value ?? null, milestones };
  }, path);
}

/**
 * The IZA milestones with their regions linked to the zorgkantoorregio's, and the list of
 * zorgkantoorregio's for the map. outputs.md has no table of single milestones (only
 * iza_progress), so this reads the refresh's database.
 */
export async function izaJson(db = databasePath(), reference = referenceDir()): Promise<string> {
  const [{ as_of, milestones }, regios] = await Promise.all([
    readMilestones(db),
    readZorgkantoorregios(reference),
  ]);
  const names = [...new Set(milestones.map((m) => m.iza_region))];
  return JSON.stringify({
    peildatum: as_of,
    regions: names.map((name) => linkRegion(name, regios)),
    zorgkantoorregios: regios,
    milestones,
  });
}

/** An IZA region with a page (/iza/<key>) and its zorgkantoorregio, if it is one. */
export interface RegionPage extends RegionLink {
  key: string;
}

/**
 * `iza-regios.json`: the IZA regions with a page (site_iza_keys), each linked to its
 * zorgkantoorregio as /iza links them (linkRegion), sorted by label: /iza links to the pages,
 * and a page highlights its region on the map.
 */
export async function izaRegionsJson(
  db = databasePath(),
  reference = referenceDir(),
): Promise<string> {
  const [keys, regios] = await Promise.all([
    readDatabase(
      (query) =>
        query<{ region: string; key: string }>(
          sql`select region, key from site_iza_keys order by key`,
        ),
      db,
    ),
    readZorgkantoorregios(reference),
  ]);
  const pages: RegionPage[] = keys.map((k) => ({ ...linkRegion(k.region, regios), key: k.key }));
  pages.sort((a, b) => a.naam.localeCompare(b.naam, "nl") || a.key.localeCompare(b.key));
  return JSON.stringify(pages);
}
