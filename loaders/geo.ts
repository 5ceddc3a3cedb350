import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { outDir, readTable, referenceDir } from "./site.ts";

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
  const text = await readFile(join(dir, "gemeenten.csv"), "utf8");
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (result.errors[0]) throw new Error(`gemeenten.csv: ${result.errors[0].message}`);
  return result.data.map((r) => ({
    code: r.gemeentecode ?? "",
    naam: r.gemeentenaam ?? "",
    provincie: r.provincienaam ?? "",
    zorgkantoorregio_code: r.zorgkantoorregiocode ?? "",
    zorgkantoorregio: r.zorgkantoorregionaam ?? "",
  }));
}

/** The gemeenten with their province and zorgkantoorregio, as JSON. */
export async function gemeentenJson(dir = referenceDir()): Promise<string> {
  return JSON.stringify(await readGemeenten(dir));
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
 * Member organisations active at the peildatum per gemeente (from member_activity.csv), per
 * scope; an organisation counts once per scope, in the gemeente of its latest spell. Codes that
 * are empty or not a 2025 gemeente count as `without_code`.
 */
export async function membersByRegionJson(
  peildatum: string,
  dir = outDir(),
  reference = referenceDir(),
): Promise<string> {
  const [rows, gemeenten] = await Promise.all([
    readTable("member_activity", dir),
    readGemeenten(reference),
  ]);
  const known = new Set(gemeenten.map((g) => g.code));
  const latest = new Map<string, Map<string, { joined: string; code: string | null }>>();
  for (const row of rows) {
    const joined = String(row.joined_on);
    const left = row.left_on == null ? null : String(row.left_on);
    if (joined > peildatum || (left != null && left <= peildatum)) continue;
    const code = row.municipality_code == null ? null : String(row.municipality_code);
    for (const scope of ["alle", String(row.network)]) {
      const orgs = latest.get(scope) ?? new Map();
      latest.set(scope, orgs);
      const seen = orgs.get(String(row.organisation_id));
      if (!seen || seen.joined < joined) orgs.set(String(row.organisation_id), { joined, code });
    }
  }
  const json: MembersByRegionJson = { peildatum, scopes: {} };
  for (const [scope, orgs] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    const entry = { gemeente: {} as Record<string, number>, without_code: 0 };
    for (const { code } of orgs.values()) {
      if (code != null && known.has(code)) entry.gemeente[code] = (entry.gemeente[code] ?? 0) + 1;
      else entry.without_code += 1;
    }
    json.scopes[scope] = entry;
  }
  return JSON.stringify(json);
}
