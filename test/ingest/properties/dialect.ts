import fc from "fast-check";
import { booleanWords, vocabularies, type ColumnSpec } from "../../../src/contract/index.ts";
export { randomOf } from "../../helpers.ts";

/**
 * One way an export may look on disk (spec/contract.md, "Dialect"): every combination must load
 * the same rows. Per-cell choices (date and number formats, aliases) come from `seed`.
 */
export interface FileDialect {
  readonly encoding: "utf-8" | "utf-8-bom" | "windows-1252";
  readonly delimiter: "," | ";" | "\t";
  readonly sepHint: boolean;
  readonly lineEnd: "\n" | "\r\n" | "mixed";
  /** Header names: the contract's, the Dutch aliases, or any accepted name in any case. */
  readonly headers: "canonical" | "dutch" | "any";
  readonly dutchFileName: boolean;
  readonly shuffleColumns: boolean;
  /** An extra column that is no contract column (ignored, and listed in the quality report). */
  readonly extraColumn: boolean;
  /**
   * A trailing delimiter, a property of the file (the field count rule in src/ingest/records.ts):
   * on the header (then each row may have one or not), on the header and every row, or on every
   * row but not the header (the quality report notes it).
   */
  readonly trailingDelimiter: "none" | "header" | "header and rows" | "rows";
  readonly quoteAll: boolean;
  readonly blankLines: number;
  readonly seed: number;
}

export const fileDialect: fc.Arbitrary<FileDialect> = fc.record({
  encoding: fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
  delimiter: fc.constantFrom(",", ";", "\t"),
  sepHint: fc.boolean(),
  lineEnd: fc.constantFrom("\n", "\r\n", "mixed"),
  headers: fc.constantFrom("canonical", "dutch", "any"),
  dutchFileName: fc.boolean(),
  shuffleColumns: fc.boolean(),
  extraColumn: fc.boolean(),
  trailingDelimiter: fc.constantFrom("none", "header", "header and rows", "rows"),
  quoteAll: fc.boolean(),
  blankLines: fc.integer({ min: 0, max: 4 }),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

export const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** Random upper/lower case per letter. */
const anyCase = (random: () => number, text: string) =>
  [...text].map((c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join("");

/** The header name a dialect gives a column. */
export function headerName(d: FileDialect, column: ColumnSpec, random: () => number): string {
  if (d.headers === "canonical") return column.name;
  if (d.headers === "dutch") return column.aliases[0] ?? column.name;
  const name = pick(random, [column.name, ...column.aliases]);
  return `${random() < 0.3 ? " " : ""}${anyCase(random, name)}${random() < 0.3 ? " " : ""}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO date in one of the accepted date forms. */
export function formatDate(iso: string, random: () => number): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const [mn, dn] = [Number(m), Number(d)];
  return pick(random, [
    iso,
    `${d}-${m}-${y}`,
    `${dn}-${mn}-${y}`,
    `${d}/${m}/${y}`,
    `${dn}/${mn}/${y}`,
    `${iso} 14:30`,
    `${iso}T09:05:00`,
    `${pad(dn)}-${pad(mn)}-${y} 08:00`,
  ]);
}

const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** A non-negative amount in one of the accepted number forms. */
export function formatNumber(value: number, random: () => number): string {
  const [int, dec] = value.toFixed(2).split(".") as [string, string];
  const forms = [
    `${int}.${dec}`,
    `${int},${dec}`,
    `${group(int, ".")},${dec}`,
    `${group(int, ",")}.${dec}`,
    `€ ${group(int, ".")},${dec}`,
    `${int},${dec.slice(0, 1)}${dec.slice(1) === "0" ? "" : dec.slice(1)}`,
  ];
  if (Number.isInteger(value)) forms.push(String(value), `€ ${group(int, ".")}`, `${int},-`);
  return pick(random, forms);
}

export function formatBoolean(value: boolean, random: () => number): string {
  const words = value ? [...booleanWords.true, "X"] : [...booleanWords.false, ""];
  return anyCase(random, pick(random, words));
}

/** A vocabulary value as its canonical name or an alias, in any case, spaces for '_'. */
export function formatVocabulary(column: ColumnSpec, value: string, random: () => number) {
  const entry = vocabularies[column.vocabulary!].values.find((v) => v.value === value);
  const word = pick(random, [value, ...(entry?.aliases ?? [])]);
  return anyCase(random, random() < 0.3 ? word.replaceAll("_", " ") : word);
}

/** `GM0772` as `GM0772`, `gm0772`, `772` or `0772`. */
export function formatMunicipality(code: string, random: () => number): string {
  const digits = code.replace(/^GM/i, "");
  return pick(random, [code, code.toLowerCase(), digits, String(Number(digits))]);
}

const CP1252_HIGH = new TextDecoder("windows-1252").decode(
  Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i),
  { stream: true },
);

/** Encodes text as Windows-1252 (every character of the test data has a byte there). */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const high = CP1252_HIGH.indexOf(c);
    if (high < 0) throw new Error(`not in Windows-1252: ${c}`);
    return 0x80 + high;
  });
}
