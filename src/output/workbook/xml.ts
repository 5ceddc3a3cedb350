/**
 * SpreadsheetML text in JavaScript: escaping, cell references and style ids. The style ids are
 * fixed (styles.ts writes `cellXfs` in this order), so DuckDB and JavaScript can write them
 * without a lookup table at run time.
 */
import { STYLES, type CellStyle } from "./formats.ts";

/** The index in `cellXfs` (styles.ts) of every style; General and text are the default 0. */
export const STYLE_IDS: ReadonlyMap<CellStyle, number> = new Map<CellStyle, number>([
  [STYLES.text, 0],
  [STYLES.general, 0],
  [STYLES.header, 1],
  [STYLES.count, 2],
  [STYLES.date, 3],
  [STYLES.percent, 4],
  [STYLES.decimal, 5],
  [STYLES.euro, 6],
  [STYLES.whole, 7],
]);

/** The ` s="…"` attribute of a cell of `style`; empty for the default style. */
export function styleAttr(style: CellStyle): string {
  const id = STYLE_IDS.get(style);
  if (id === undefined) throw new Error("werkmap: onbekende celopmaak");
  return id === 0 ? "" : ` s="${id}"`;
}

// eslint-disable-next-line no-control-regex -- these are the characters to find
const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- these are the characters to find
const ESCAPES = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "'": "&apos;",
  '"': "&quot;",
};

/**
 * Text for XML content or an attribute value, as exceljs's xmlEncode: the five entities, and
 * the control characters that XML 1.0 forbids dropped (tab, LF and CR stay); also U+FFFE and
 * U+FFFF, which exceljs let through (and the file was then unreadable).
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (c) => ENTITIES[c] ?? "");
}

/** The column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
