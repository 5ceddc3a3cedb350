/**
 * The COPY statements that write the output files from DuckDB itself. A CSV file is one varchar
 * column per line, built in SQL exactly as csv.ts formats a row, and written without quoting;
 * its column name is the header line (with the BOM of the Dutch shape).
 */
import { ident, join, sql, type Sql } from "../db/sql.ts";
import { CRLF, headerLine, type CsvDialect } from "./csv.ts";
import { orderList, orderedQuery, selectList } from "./ordered.ts";
import {
  booleanSql,
  decimalSql,
  dutchDateSql,
  integerSql,
  numberSql,
  SMALL_INTEGERS,
  textSql,
} from "./sql-cells.ts";
import type { OutputTable, OutputType } from "./tables.ts";

/** Integer types that JavaScript reads as bigint. */
const BIG_INTEGERS = new Set(["BIGINT", "UBIGINT"]);
const DOUBLES = new Set(["DOUBLE", "FLOAT"]);

/** The text of a column that formatText gets: varchar, or an integer cast; else undefined. */
function textOf(value: Sql, dbType: string): Sql | undefined {
  if (dbType === "VARCHAR") return value;
  const integer = SMALL_INTEGERS.has(dbType) || BIG_INTEGERS.has(dbType);
  return integer ? sql`cast(${value} as varchar)` : undefined;
}

/**
 * The SQL of one cell as formatCell writes it, given the database type of the column; undefined
 * where that type is not covered (the writer then formats the table in JavaScript).
 */
export function cellSql(
  value: Sql,
  type: OutputType,
  dbType: string,
  dialect: CsvDialect,
): Sql | undefined {
  switch (type) {
    case "integer":
    case "number":
      if (SMALL_INTEGERS.has(dbType)) return sql`cast(${value} as varchar)`;
      if (BIG_INTEGERS.has(dbType)) return decimalSql(integerSql(value), dialect);
      if (DOUBLES.has(dbType)) return decimalSql(numberSql(sql`cast(${value} as double)`), dialect);
      return undefined;
    case "boolean":
      return dbType === "BOOLEAN" ? booleanSql(value) : undefined;
    case "date":
      // The value is already strftime's ISO text (selectList), whatever the column's type.
      return dialect.date === "iso" ? value : dutchDateSql(value);
    case "text": {
      const text = textOf(value, dbType);
      return text && textSql(text, dialect);
    }
  }
}

/**
 * The query whether the first column of a table is unique and never null (one row, one
 * boolean): then sorting by it alone gives the order of sorting by every column. Undefined for a
 * type whose distinct values might sort as equal (only text and integers qualify).
 */
export function uniqueFirstSql(table: OutputTable, dbTypes: readonly string[]): Sql | undefined {
  const first = ident(table.columns[0]!.name);
  if (!textOf(first, dbTypes[0] ?? "")) return undefined;
  return sql`select count(*) = count(distinct ${first}) from (${table.source})`;
}

/** One line of a CSV shape (without its CRLF) over the columns of `src`, or undefined. */
function lineSql(
  table: OutputTable,
  dbTypes: readonly string[],
  dialect: CsvDialect,
  src: Sql,
): Sql | undefined {
  const cells: Sql[] = [];
  for (const [i, c] of table.columns.entries()) {
    const value = sql`${src}.${ident(c.name)}`;
    const cell = cellSql(value, c.type, dbTypes[i] ?? "", dialect);
    if (!cell) return undefined;
    if (i > 0) cells.push(sql`${dialect.delimiter}`);
    cells.push(cell);
  }
  // concat() skips nulls: a null is an empty cell.
  return cells.length > 1 ? sql`concat(${join(cells)})` : sql`coalesce(${cells[0]!}, '')`;
}

/**
 * The COPY of a table's CSV shape to `path`, or undefined if a column needs JavaScript
 * formatting. Each line is one unquoted varchar, CRLF after every line; the header line (with
 * the BOM of a shape that has one) is the column's name. Sorted as orderedQuery sorts (dates
 * by their ISO text), or by the first column alone where uniqueFirstSql found it unique.
 */
export function csvCopySql(
  table: OutputTable,
  dbTypes: readonly string[],
  dialect: CsvDialect,
  path: string,
  firstUnique = false,
): Sql | undefined {
  const src = ident("src");
  const line = lineSql(table, dbTypes, dialect, src);
  if (!line) return undefined;
  const header =
    (dialect.bom ? "\uFEFF" : "") + headerLine(table.columns, dialect).slice(0, -CRLF.length);
  const order = orderList(table, (name) => sql`${src}.${ident(name)}`);
  return sql`copy (
    select ${line} as ${ident(header)}
    from (select ${selectList(table, true)} from (${table.source})) as ${src}
    order by ${firstUnique ? order[0]! : order}
  ) to ${path} (format csv, header true, quote '', escape '', new_line ${CRLF})`;
}

/** The COPY of a table to a Parquet file, with real dates. */
export function parquetCopySql(table: OutputTable, path: string): Sql {
  return sql`copy (${orderedQuery(table, false)}) to ${path} (format parquet)`;
}
