import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "../src/db/sql.ts";
import { databasePath, readCsv, readDatabase } from "./db.ts";
import { referenceDir } from "./site.ts";

/** A gemeente of the 2025 indeling with its zorgkantoorregio (`data/reference/gemeenten.csv`). */
export interface Gemeente {
  code: string;
  naam: string;
  provincie: string;
  zorgkantoorregio_code: string;
  zorgkantoorregio: string;
}

/** Reads `gemeenten.csv`: the 342 gemeenten with their province and zorgkantoorregio. */
export async function readGemeenten(dir = referenceDir()): Promise<Gemeente[]> {
  return (await readCsv(join(dir, "gemeenten.csv"))).map((r) => ({
    code: r.gemeentecode ?? "",
    naam: r.gemeentenaam ?? "",
    provincie: r.provincienaam ?? "",
    zorgkantoorregio_code: r.zorgkantoorregiocode ?? "",
    zorgkantoorregio: r.zorgkantoorregionaam ?? "",
  }));
}

interface Topology {
  type: "Topology";
  objects: Record<string, { geometries: { id?: string; properties?: Record<string, unknown> }[] }>;
}

/**
 * A simplified TopoJSON map from `data/reference/geo/` (CBS/PDOK via cartomap/nl) with the
 * geometries as they are and only the properties pages use: `statnaam` (the name), and for
 * gemeenten also `zorgkantoorregio_code` and `zorgkantoorregio` (from gemeenten.csv). The other
 * properties (feature ids of PDOK, which do not compress) were a third of the gzipped file.
 */
export async function topojsonJson(
  layer: "gemeente_2025" | "zorgkantoorregio_2025",
  dir = referenceDir(),
): Promise<string> {
  const topology = JSON.parse(
    await readFile(join(dir, "geo", `${layer}.topojson`), "utf8"),
  ) as Topology;
  const object = topology.objects[layer];
  if (topology.type !== "Topology" || !object) throw new Error(`${layer}: no object ${layer}`);
  const gemeenten =
    layer === "gemeente_2025" ? new Map((await readGemeenten(dir)).map((g) => [g.code, g])) : null;
  for (const geometry of object.geometries) {
    const properties: Record<string, unknown> = { statnaam: geometry.properties?.statnaam ?? null };
    if (gemeenten) {
      const g = gemeenten.get(geometry.id ?? "");
      properties.zorgkantoorregio_code = g?.zorgkantoorregio_code ?? null;
      properties.zorgkantoorregio = g?.zorgkantoorregio ?? null;
    }
    geometry.properties = properties;
  }
  return JSON.stringify(topology);
}

/** What `docs/data/members_by_region.json` holds. */
export interface MembersByRegionJson {
  peildatum: string;
  /** Per scope (`alle` or a network): member organisations per gemeentecode at the peildatum. */
  scopes: Record<string, { gemeente: Record<string, number>; without_code: number }>;
}

/**
 * The member organisations per gemeente of the mart site_members_by_region, per scope; codes
 * that are empty or not a 2025 gemeente (the map's) count as `without_code`.
 */
export async function membersByRegionJson(
  path = databasePath(),
  reference = referenceDir(),
): Promise<string> {
  const file = join(reference, "gemeenten.csv");
  const { asOf, rows } = await readDatabase(
    async (query) => ({
      asOf: await query<{ d: string }>(
        sql`select strftime(d, '%Y-%m-%d') as d from ref_dates where is_as_of`,
      ),
      rows: await query<{ scope: string; code: string | null; n: number; known: boolean }>(sql`
        select m.scope, m.municipality_code as code, m.organisations as n,
          coalesce(m.municipality_code in (
            select gemeentecode from read_csv(${file}, header = true, all_varchar = true)
          ), false) as known
        from site_members_by_region as m order by m.scope, code`),
    }),
    path,
  );
  const json: MembersByRegionJson = { peildatum: asOf[0]?.d ?? "", scopes: {} };
  for (const { scope, code, n, known } of rows) {
    const entry = (json.scopes[scope] ??= { gemeente: {}, without_code: 0 });
    if (known && code != null) entry.gemeente[code] = n;
    else entry.without_code += n;
  }
  return JSON.stringify(json);
}
