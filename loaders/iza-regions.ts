// The IZA regions that have a page of their own (/iza/<key>), for the loader of
// docs/data/iza-regios.json.
import { sql } from "../src/db/sql.ts";
import { databasePath, readDatabase } from "./db.ts";
import { linkRegion, readZorgkantoorregios, type RegionLink } from "./site-extra.ts";
import { referenceDir } from "./site.ts";

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
