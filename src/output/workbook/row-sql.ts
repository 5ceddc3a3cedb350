/**
 * The worksheet XML of a table's rows, built by DuckDB: one `<row>` element per row, in the
 * order of the CSV outputs, so that JavaScript only joins the text and deflates it. The XML is
 * the same as exceljs wrote it before (cells `r="B7"`, text as `t="str"` without a formula so
 * that "=1+1" stays text, dates as serial numbers, style ids of styles.ts):
 *
 * - text: XML-escaped like exceljs (`& < > ' "` as entities; the control characters that XML 1.0
 *   forbids dropped); an empty text or null is no cell, as the CSV writes it (empty = null);
 * - numbers: the text of JavaScript's `String(number)` (see `numberText`);
 * - dates: days since 1899-12-30 (Excel's 1900 system, as exceljs computed them);
 * - booleans: `t="b"` with 1 or 0.
 */
import { ident, join, sql, type Sql } from "../../db/sql.ts";
import { SMALL_INTEGERS } from "../sql-cells.ts";
import { orderList } from "../ordered.ts";
import type { OutputTable } from "../tables.ts";
import { columnStyle, UNIT_FORMATS, type CellStyle } from "./formats.ts";
import { columnLetter, styleAttr } from "./xml.ts";

/**
 * Characters dropped from text: the control characters that XML 1.0 forbids and exceljs dropped
 * (tab, LF and CR stay), DEL as exceljs did, and U+FFFE/U+FFFF, which XML 1.0 forbids too
 * (exceljs wrote them, and Excel and exceljs then refused the file).
 */
const FORBIDDEN_CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x{FFFE}\\x{FFFF}]";
/** Any character that escaping changes. */
const NEEDS_ESCAPE = "[&<>\"'\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x{FFFE}\\x{FFFF}]";

/** A text value escaped for XML content and attribute values, as exceljs's xmlEncode. */
export function escapeSql(value: Sql): Sql {
  const cleaned = sql`regexp_replace(${value}, ${FORBIDDEN_CONTROL}, '', 'g')`;
  let out = cleaned;
  for (const [from, to] of [
    ["&", "&amp;"],
    ["<", "&lt;"],
    [">", "&gt;"],
    ["'", "&apos;"],
    ['"', "&quot;"],
  ] as const) {
    out = sql`replace(${out}, ${from}, ${to})`;
  }
  return sql`case when regexp_matches(${value}, ${NEEDS_ESCAPE}) then ${out} else ${value} end`;
}

/**
 * A number as JavaScript's `String(Number(x))` writes it: whole numbers (below 2^53) without
 * ".0", other values as DuckDB's shortest round-trip text (the same digits). Below 1e-4, and
 * whole numbers from 2^53 on, DuckDB spells them otherwise (1e-07 for 1e-7, 1e+16 for 1e16,
 * 9007199254740992.0): the same number for Excel and any reader.
 */
export function numberText(value: Sql): Sql {
  const x = sql`cast(${value} as double)`;
  return sql`case when isnan(${x}) then 'NaN'
    when isinf(${x}) then (case when ${x} > 0 then 'Infinity' else '-Infinity' end)
    when ${x} = trunc(${x}) and abs(${x}) < ${2 ** 53} then cast(cast(${x} as bigint) as varchar)
    else cast(${x} as varchar) end`;
}

/** The ` s="…"` attribute of indicators.value by the catalog's unit of the row's indicator. */
function unitStyleSql(indicator: Sql, unitOf: ReadonlyMap<string, string>): Sql {
  const cases = [...unitOf].map(([id, unit]) => {
    const style: CellStyle | undefined = UNIT_FORMATS[unit];
    return sql`when ${id} then ${style ? styleAttr(style) : ""}`;
  });
  if (cases.length === 0) return sql`''`;
  return sql`coalesce(case ${indicator} ${join(cases, " ")} end, '')`;
}

/** The `<c>` element of one cell, or null for an empty cell. */
function cellSql(
  table: OutputTable,
  index: number,
  rowNumber: Sql,
  unitOf: ReadonlyMap<string, string>,
  dbType: string,
): Sql {
  const column = table.columns[index]!;
  const v = ident(`c${index}`);
  const ref = `<c r="${columnLetter(index)}`;
  const style = columnStyle(table.name, column);
  const s = style ? sql`${styleAttr(style)}` : unitStyleSql(ident("c_indicator"), unitOf);
  switch (column.type) {
    case "text":
      return sql`case when ${v} is null or ${v} = '' then null else concat(${ref}, ${rowNumber}, '"', ${s}, ' t="str"><v>', ${escapeSql(v)}, '</v></c>') end`;
    case "boolean":
      return sql`case when ${v} is null then null else concat(${ref}, ${rowNumber}, '"', ${s}, ' t="b"><v>', case when ${v} then '1' else '0' end, '</v></c>') end`;
    case "date":
      return sql`case when ${v} is null then null else concat(${ref}, ${rowNumber}, '"', ${s}, '><v>', date_diff('day', DATE '1899-12-30', ${v}), '</v></c>') end`;
    case "integer":
    case "number": {
      const text = SMALL_INTEGERS.has(dbType) ? sql`cast(${v} as varchar)` : numberText(v);
      return sql`case when ${v} is null then null else concat(${ref}, ${rowNumber}, '"', ${s}, '><v>', ${text}, '</v></c>') end`;
    }
  }
}

/**
 * The query of a table's rows as worksheet XML: column `x`, one `<row>` per row, sorted as the
 * CSV outputs (every column left to right, nulls first). Row numbers restart at 2 on every
 * sheet of `perSheet` rows. `dbTypes` are DuckDB's types of the table's columns.
 *
 * The rows are sorted once; `row_number() over ()` numbers them in that order (DuckDB's
 * streaming window keeps the order of an ordered subquery), and the XML is built after the sort.
 */
export function rowXmlQuery(
  table: OutputTable,
  perSheet: number,
  unitOf: ReadonlyMap<string, string>,
  dbTypes: readonly string[],
): Sql {
  const cols = table.columns.map((c, i) => {
    const value = c.type === "date" ? sql`cast(${ident(c.name)} as date)` : ident(c.name);
    return sql`${value} as ${ident(`c${i}`)}`;
  });
  const indicatorAt = table.columns.findIndex((c) => c.name === "indicator");
  if (indicatorAt >= 0) cols.push(sql`${ident(table.columns[indicatorAt]!.name)} as c_indicator`);
  const order = orderList(table, (_, i) => ident(`c${i}`));
  const rowNumber = sql`((n - 1) % ${perSheet} + 2)`;
  const cells = table.columns.map((_, i) => cellSql(table, i, rowNumber, unitOf, dbTypes[i]!));
  const open = `" spans="1:${table.columns.length}" x14ac:dyDescent="0.25">`;
  return sql`select concat('<row r="', ${rowNumber}, ${open}, ${join(cells)}, '</row>') as x
    from (select *, row_number() over () as n
      from (select ${join(cols)} from (${table.source}) order by ${join(order)}))`;
}
