/**
 * SQL expressions that format a cell exactly as csv.ts does in JavaScript, so that DuckDB's own
 * COPY can write the CSV files. Each takes a non-null value expression; the line builder turns
 * nulls into empty cells.
 */
import { sql, type Sql } from "../db/sql.ts";
import type { CsvDialect } from "./csv.ts";

/** 2^53 - 1: integers up to it in magnitude are exact as JavaScript numbers. */
const EXACT_INTEGER = 9007199254740991;

/** The regular expression of formatNumber that drops trailing zeros after toFixed. */
const TRAILING_ZEROS = "\\.?0+$";

/**
 * JavaScript's String(a) for a positive double 1e-6 <= a that DuckDB's double→varchar writes in
 * exponent form (`1.2345e+17`, `1e-06`) or with an integral `.0`. Both give the shortest
 * round-trip digits; only the layout differs. At 1e21 and above formatNumber's toFixed(20)
 * returns String(a), whose trailing zeros (of the exponent too) its regular expression strips.
 */
function rareText(a: Sql): Sql {
  const s = sql`(${a})::varchar`;
  const mantissa = sql`split_part(${s}, 'e', 1)`;
  const exponent = sql`cast(split_part(${s}, 'e', 2) as integer)`;
  const digits = sql`replace(${mantissa}, '.', '')`;
  return sql`case
    when not contains(${s}, 'e') then left(${s}, length(${s}) - 2)
    when ${exponent} >= 21 then regexp_replace(${mantissa} || 'e+' || ${exponent}::varchar,
      ${TRAILING_ZEROS}, '')
    when ${exponent} >= 0 then ${digits} || repeat('0', ${exponent} + 1 - length(${digits}))
    else '0.' || repeat('0', -1 - ${exponent}) || ${digits}
  end`;
}

/**
 * formatNumber's toFixed(20) for a double 4e-21 <= a < 1e-6, computed exactly: a × 2^s is an
 * integer below 2^56 for s = 54 - floor(log2(a)) (log2 may be off by one), and
 * round(a × 10^20) = (a × 2^s × 10^20 + 2^(s-1)) // 2^s in 128-bit integers (half up).
 */
function tinyText(a: Sql): Sql {
  const shift = sql`(54 - cast(floor(log2(${a})) as integer))`;
  const m = sql`cast(${a} * pow(2.0, ${shift}) as hugeint)`;
  const scaled = sql`((${m} * cast(1e20 as hugeint) + cast(pow(2.0, ${shift} - 1) as hugeint))
    // cast(pow(2.0, ${shift}) as hugeint))`;
  return sql`regexp_replace('0.' || lpad(${scaled}::varchar, 20, '0'), ${TRAILING_ZEROS}, '')`;
}

/** DuckDB integer types whose values are exact JavaScript numbers (their text is their digits). */
export const SMALL_INTEGERS: ReadonlySet<string> = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
]);

/** formatNumber(x, ".") for a double expression `x`. */
export function numberSql(x: Sql): Sql {
  const a = sql`abs(${x})`;
  const sign = sql`case when ${x} < 0 then '-' else '' end`;
  const s = sql`(${x})::varchar`;
  // Fast paths first: an integral value below 2^53 (-0 included) prints as an integer, and
  // DuckDB's fixed form of another value is JavaScript's. DuckDB sorts NaN above every number,
  // so NaN and infinities fail both range tests and reach their own branches.
  return sql`case
    when ${x} = trunc(${x}) and ${x} between ${-EXACT_INTEGER} and ${EXACT_INTEGER}
      then cast(${x} as bigint)::varchar
    when ${a} >= 1e-6::double and ${a} < 1e21::double and not contains(${s}, 'e')
      and not suffix(${s}, '.0') then ${s}
    when isnan(${x}) then 'NaN'
    when isinf(${x}) then ${sign} || 'Infinity'
    when ${a} >= 1e-6::double then ${sign} || ${rareText(a)}
    when ${a} < 4e-21::double then ${sign} || '0'
    else ${sign} || ${tinyText(a)}
  end`;
}

/** formatNumber(Number(v), ".") for an integer expression `v` (Number rounds beyond 2^53). */
export function integerSql(v: Sql): Sql {
  return sql`case when ${v} between ${-EXACT_INTEGER} and ${EXACT_INTEGER} then (${v})::varchar
    else ${numberSql(sql`cast(${v} as double)`)} end`;
}

/** formatNumber's decimal mark: its text has at most one point. */
export function decimalSql(text: Sql, dialect: CsvDialect): Sql {
  return dialect.decimal === "," ? sql`replace(${text}, '.', ',')` : text;
}

/** True where formatText(v) would defuse: = + - @ tab CR start a formula. */
function formulaSql(v: Sql): Sql {
  // ascii() is the first character's code point; all six are at most 64 ('@'), which most text
  // is not, so that test goes first. (No IN list: DuckDB plans one as a join.)
  const first = sql`ascii(${v})`;
  return sql`(${first} <= 64 and (${first} = 61 or ${first} = 43 or ${first} = 45
    or ${first} = 64 or ${first} = 9 or ${first} = 13))`;
}

/** True where formatText(v) would quote: a delimiter, a quote, CR or LF. */
function quotesSql(v: Sql, dialect: CsvDialect): Sql {
  return sql`(contains(${v}, ${dialect.delimiter}) or contains(${v}, '"')
    or contains(${v}, chr(13)) or contains(${v}, chr(10)))`;
}

/** formatText(v, delimiter) for a varchar expression `v`. */
export function textSql(v: Sql, dialect: CsvDialect): Sql {
  const defused = sql`case when ${formulaSql(v)} then '''' || ${v} else ${v} end`;
  return sql`case when ${quotesSql(v, dialect)} then '"' || replace(${defused}, '"', '""') || '"'
    else ${defused} end`;
}

/** The dd-mm-yyyy form of an ISO date text, sliced as formatCell slices it. */
export function dutchDateSql(iso: Sql): Sql {
  return sql`substr(${iso}, 9, 2) || '-' || substr(${iso}, 6, 2) || '-' || substr(${iso}, 1, 4)`;
}

/** A boolean as true/false. */
export function booleanSql(v: Sql): Sql {
  return sql`case when ${v} then 'true' when not ${v} then 'false' end`;
}
