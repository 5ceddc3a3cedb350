import type { ColumnSpec, FileSpec } from "../../../src/contract/index.ts";
import type { Cell, ExportRow } from "../../../src/generate/dialect.ts";
import {
  encodeWindows1252,
  formatBoolean,
  formatDate,
  formatMunicipality,
  formatNumber,
  formatVocabulary,
  headerName,
  pick,
  randomOf,
  type FileDialect,
} from "./dialect.ts";

/**
 * A row to write: contract values; contract values and one more field, empty (`extra` is "" or
 * spaces) where the file has no trailing delimiter (a shifted row); or (a bad row) the exact
 * fields of one record.
 */
export type Line =
  | { readonly kind: "row"; readonly row: ExportRow }
  | { readonly kind: "shifted"; readonly row: ExportRow; readonly extra: string }
  | { readonly kind: "fields"; readonly fields: readonly string[] }
  | { readonly kind: "unterminated"; readonly text: string };

export interface Written {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The physical line on which each of `lines` starts. */
  readonly lineOf: readonly number[];
}

const EXTRA = "opmerking intern";

function formatCell(column: ColumnSpec, cell: Cell, random: () => number): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.raw;
  switch (column.type) {
    case "date":
      return formatDate(String(cell), random);
    case "number":
      return formatNumber(Number(cell), random);
    case "boolean":
      return formatBoolean(Boolean(cell), random);
    case "vocabulary":
      return formatVocabulary(column, String(cell), random);
    case "municipality":
      return formatMunicipality(String(cell), random);
    default:
      return String(cell);
  }
}

const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Writes one export in a dialect, with `lines` in order and the dialect's blank lines spread
 * among them; returns the file name, the bytes and the physical line of each entry of `lines`.
 */
export function writeFile(spec: FileSpec, d: FileDialect, lines: readonly Line[]): Written {
  const random = randomOf(d.seed);
  const order = spec.columns.map((_, i) => i);
  if (d.shuffleColumns) order.sort(() => random() - 0.5);
  const columns = order.map((i) => spec.columns[i]!);
  const extraAt = d.extraColumn ? Math.floor(random() * (columns.length + 1)) : -1;
  const quote = (text: string) =>
    d.quoteAll || text.includes(d.delimiter) || /["\r\n]/.test(text)
      ? `"${text.replaceAll('"', '""')}"`
      : text;
  const end = () => (d.lineEnd === "mixed" ? pick(random, ["\n", "\r\n"]) : d.lineEnd);
  const trailing = d.trailingDelimiter;
  const record = (fields: readonly string[], isHeader = false) => {
    const ends = isHeader
      ? trailing === "header" || trailing === "header and rows"
      : trailing === "rows" ||
        trailing === "header and rows" ||
        (trailing === "header" && random() < 0.5);
    return fields.map(quote).join(d.delimiter) + (ends ? d.delimiter : "") + end();
  };
  const withExtra = (fields: string[], extra: string) => {
    if (extraAt >= 0) fields.splice(extraAt, 0, extra);
    return fields;
  };
  let text = d.sepHint ? `sep=${d.delimiter}${end()}` : "";
  const headers = columns.map((c) => headerName(d, c, random));
  text += record(withExtra(headers, EXTRA), true);
  const blanksAfter = new Set(
    Array.from({ length: d.blankLines }, () => Math.floor(random() * (lines.length + 1))),
  );
  const lineOf: number[] = [];
  let line = 1 + breaks(text);
  lines.forEach((entry, index) => {
    if (blanksAfter.has(index)) {
      const blank = pick(random, ["", " ", "  "]) + end();
      text += blank;
      line += breaks(blank);
    }
    lineOf.push(line);
    let piece: string;
    if (entry.kind === "row") {
      const fields = columns.map((c) => formatCell(c, entry.row[c.name] ?? null, random));
      piece = record(withExtra(fields, pick(random, ["", "n.v.t.", "zie mail; bellen"])));
    } else if (entry.kind === "shifted") {
      if (trailing !== "none")
        throw new Error("a shifted row needs a file without trailing delimiter");
      const fields = columns.map((c) => formatCell(c, entry.row[c.name] ?? null, random));
      const all = [...withExtra(fields, pick(random, ["", "n.v.t."])), entry.extra];
      piece = all.map(quote).join(d.delimiter) + end();
    } else if (entry.kind === "fields") {
      piece = entry.fields.map(quote).join(d.delimiter) + end();
    } else {
      piece = `"${entry.text}${end()}`;
    }
    text += piece;
    line += breaks(piece);
  });
  if (blanksAfter.has(lines.length) && lines.at(-1)?.kind !== "unterminated") text += end();
  const name = d.dutchFileName ? spec.dutchFile : spec.file;
  const shown = random() < 0.3 ? name.toUpperCase() : name;
  const bytes =
    d.encoding === "windows-1252"
      ? encodeWindows1252(text)
      : new TextEncoder().encode(d.encoding === "utf-8-bom" ? `\uFEFF${text}` : text);
  return { name: shown, bytes, lineOf };
}

/** Number of fields a row of this file has in this dialect (the extra column included). */
export function widthOf(spec: FileSpec, d: FileDialect): number {
  return spec.columns.length + (d.extraColumn ? 1 : 0);
}
