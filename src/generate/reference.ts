import { readFile } from "node:fs/promises";
import Papa from "papaparse";

/** One gemeente of the 2025 indeling (data/reference/gemeenten.csv). */
export interface Gemeente {
  /** CBS code, e.g. `GM0772`. */
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly zkCode: string;
  readonly zkName: string;
}

/** One zorgkantoorregio with its gemeenten. */
export interface Zorgkantoorregio {
  readonly code: string;
  readonly name: string;
  readonly gemeenten: readonly Gemeente[];
}

export interface Reference {
  readonly gemeenten: readonly Gemeente[];
  /** Sorted by code. */
  readonly regions: readonly Zorgkantoorregio[];
}

/** The reference list the generator reads at run time. */
export const GEMEENTEN_CSV = new URL("../../data/reference/gemeenten.csv", import.meta.url);

const COLUMNS = [
  "gemeentecode",
  "gemeentenaam",
  "provinciecode",
  "zorgkantoorregiocode",
  "zorgkantoorregionaam",
];

/** Parse the text of gemeenten.csv. */
export function parseReference(text: string): Reference {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  const missing = COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0) throw new Error(`gemeenten.csv: missing column: ${missing.join(", ")}`);
  const gemeenten = parsed.data.map((r): Gemeente => ({
    code: r["gemeentecode"] ?? "",
    name: r["gemeentenaam"] ?? "",
    provinceCode: r["provinciecode"] ?? "",
    zkCode: r["zorgkantoorregiocode"] ?? "",
    zkName: r["zorgkantoorregionaam"] ?? "",
  }));
  if (gemeenten.length === 0) throw new Error("gemeenten.csv: no rows");
  const byRegion = new Map<string, Gemeente[]>();
  for (const g of gemeenten) {
    if (!/^GM\d{4}$/.test(g.code)) throw new Error(`gemeenten.csv: bad gemeentecode: ${g.code}`);
    const list = byRegion.get(g.zkCode) ?? [];
    list.push(g);
    byRegion.set(g.zkCode, list);
  }
  const regions = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => ({ code, name: list[0]?.zkName ?? code, gemeenten: list }));
  return { gemeenten, regions };
}

/** Read and parse data/reference/gemeenten.csv (or another copy of it). */
export async function loadReference(file: URL | string = GEMEENTEN_CSV): Promise<Reference> {
  return parseReference(await readFile(file, "utf8"));
}

export function regionByCode(reference: Reference, code: string): Zorgkantoorregio {
  const region = reference.regions.find((r) => r.code === code);
  if (!region) throw new Error(`generate: unknown zorgkantoorregio: ${code}`);
  return region;
}
