import type { ColumnSpec } from "../../contract/index.ts";
import { ident, join, sql, type Sql } from "../../db/sql.ts";

/**
 * A contract column as the staging layer gets it: read from the raw table (with the header it
 * had in the file), or a mapping constant; with the mapping's `values`, if any.
 */
export interface PresentColumn {
  readonly spec: ColumnSpec;
  /** The file's header, or the mapping entry of a constant; messages name it. */
  readonly header: string;
  /** A mapping constant: every row gets this text, and the raw table has no such column. */
  readonly constant?: string;
  /** Value key (see mapping `valueKey`) → contract value, applied before the usual parsing. */
  readonly values?: ReadonlyMap<string, string>;
  /** The mapping entry to add a value to, named in messages about unknown values. */
  readonly valuesEntry?: string;
}

/** SQL of a column's value as read: the raw table's text, the constant, or NULL when absent. */
export function readExpr(column: ColumnSpec, present: PresentColumn | undefined): Sql {
  if (!present) return sql`null::varchar`;
  if (present.constant !== undefined) return sql`${present.constant}::varchar`;
  return ident(column.name);
}

/**
 * SQL of the text the usual parsing reads: the value as read, or its mapped contract value
 * (matched trimmed and case-insensitively, `''` matching an empty value).
 */
export function mappedExpr(read: Sql, present: PresentColumn | undefined): Sql {
  if (!present?.values?.size) return read;
  const whens = [...present.values].map(([key, value]) => sql`when ${key} then ${value}`);
  if (present.spec.type === "list") {
    // a list's values apply to each part; the mapped parts are joined by `;` again
    const parts = [...present.values].filter(([key]) => key !== "");
    if (!parts.length) return read;
    const partWhens = parts.map(([key, value]) => sql`when ${key} then ${value}`);
    return sql`array_to_string(list_transform(regexp_split_to_array(coalesce(${read}, ''), '[;|]'), lambda p: case coalesce(lower(rm_text(p)), '') ${join(partWhens, " ")} else p end), ';')`;
  }
  return sql`(case coalesce(lower(rm_text(${read})), '') ${join(whens, " ")} else ${read} end)`;
}

/** SQL appending a hint to the message of an unknown value of a column with mapped values. */
export function withValuesHint(message: Sql, code: Sql, present: PresentColumn | undefined): Sql {
  if (!present?.valuesEntry) return message;
  const hint = ` Of neem de waarde op in ${present.valuesEntry}.`;
  return sql`(case when ${code} in ('unknown_value:vocabulary', 'unknown_value:list', 'invalid_boolean') then ${message} || ${hint} else ${message} end)`;
}
