/**
 * Worksheet XML as exceljs's streaming writer wrote it: the part before the rows (frozen header,
 * column widths), the part after them (autofilter, page setup), and `SmallSheet`, which renders
 * the rows of the small sheets (Toelichting, Woordenboek, the header rows) in JavaScript.
 */
import { STYLES, type CellStyle } from "./formats.ts";
import { columnLetter, escapeXml, styleAttr } from "./xml.ts";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
const FROZEN_HEADER =
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>';
const FORMAT =
  '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>';
const PAGE =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>';

/** exceljs's default width: a column of this width is left out (as exceljs did). */
const DEFAULT_WIDTH = 9;

/** `<cols>`: neighbouring columns of one width share an element; width 9 is the default. */
export function colsXml(widths: readonly number[]): string {
  const cols: { min: number; max: number; width: number }[] = [];
  let last: (typeof cols)[number] | undefined;
  widths.forEach((width, i) => {
    if (width === DEFAULT_WIDTH) last = undefined;
    else if (last && last.width === width) last.max = i + 1;
    else cols.push((last = { min: i + 1, max: i + 1, width }));
  });
  if (cols.length === 0) return "";
  const items = cols.map(
    (c) => `<col min="${c.min}" max="${c.max}" width="${c.width}" customWidth="1"/>`,
  );
  return `<cols>${items.join("")}</cols>`;
}

/** The worksheet up to and including `<sheetData>`. */
export function sheetHead(widths: readonly number[], frozenHeader: boolean): string {
  return `${HEAD}${frozenHeader ? FROZEN_HEADER : ""}${FORMAT}${colsXml(widths)}<sheetData>`;
}

/** The worksheet after the rows; an autofilter over `columns` columns and `lastRow` rows. */
export function sheetTail(filter?: { columns: number; lastRow: number }): string {
  const auto = filter
    ? `<autoFilter ref="A1:${columnLetter(filter.columns - 1)}${filter.lastRow}"/>`
    : "";
  return `</sheetData>${auto}${PAGE}`;
}

/** A cell value of the small sheets: text, a number, or null (an empty cell). */
export type SmallValue = string | number | null;

/** One `<row>`: every value but undefined is a cell; null counts for the span but is not written. */
export function rowXml(
  number: number,
  values: readonly SmallValue[],
  style: (index: number) => CellStyle = () => STYLES.text,
): string {
  if (values.length === 0) return "";
  let cells = "";
  values.forEach((value, i) => {
    if (value === null) return;
    const ref = `<c r="${columnLetter(i)}${number}"${styleAttr(style(i))}`;
    cells +=
      typeof value === "number"
        ? `${ref}><v>${value}</v></c>`
        : `${ref} t="str"><v>${escapeXml(value)}</v></c>`;
  });
  return `<row r="${number}" spans="1:${values.length}" x14ac:dyDescent="0.25">${cells}</row>`;
}

/** A small sheet built row by row in memory (rows without values are skipped, numbered). */
export class SmallSheet {
  private rows = "";
  private count = 0;

  constructor(
    readonly name: string,
    private readonly widths: readonly number[],
    private readonly options: { frozenHeader?: boolean; autoFilter?: boolean } = {},
  ) {}

  /** Adds the next row; `style` gives each cell's style (default: text). */
  addRow(values: readonly SmallValue[], style?: (index: number) => CellStyle): void {
    this.rows += rowXml(++this.count, values, style);
  }

  /** The whole worksheet XML. */
  xml(): string {
    const filter = this.options.autoFilter
      ? { columns: this.widths.length, lastRow: this.count }
      : undefined;
    return (
      sheetHead(this.widths, this.options.frozenHeader ?? false) + this.rows + sheetTail(filter)
    );
  }
}
