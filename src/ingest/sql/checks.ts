import { vocabularies, vocabularyLookup, type ColumnSpec } from "../../contract/index.ts";
import { ident, join, sql, type Sql } from "../../db/sql.ts";

/** A vocabulary key that rm_key leaves as it is: ASCII lower case, digits, single underscores. */
const CANONICAL_KEY = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/** A DuckDB map literal of key → value pairs. */
const mapSql = (pairs: readonly (readonly [string, string])[]) =>
  sql`map {${join(pairs.map(([key, value]) => sql`${key}: ${value}`))}}`;

/**
 * The comparison keys of a list's non-empty parts (split on `;` and `|`). A part that is a key
 * of the vocabulary's map is its own key (every map key is a vocabularyKey, which rm_key leaves
 * as it is), so rm_key's three regular expressions run only for the other parts.
 */
const listKeys = (raw: Sql, map: Sql) =>
  sql`list_filter(list_transform(regexp_split_to_array(coalesce(${raw}, ''), '[;|]'), lambda p: case when map_contains(${map}, p) then p else rm_key(p) end), lambda k: k is not null)`;

/**
 * The column holding a vocabulary's lookup map in the staging query (see vocabularyMapsSql). A
 * lambda that reads a map column is ten times faster than one with the map literal inside it,
 * which DuckDB 1.5 builds again for every row.
 */
const mapColumn = (column: ColumnSpec) => ident(`m_${column.vocabulary!}`);

/**
 * The column holding a list column's comparison keys in the staging query (listKeysSql): its
 * parsed value and its check both read them, so the parts are split and keyed once per row.
 */
export const listKeysColumn = (column: ColumnSpec) => ident(`k_${column.name}`);

/** SQL of a list column's comparison keys (see listKeys), for its listKeysColumn. */
export function listKeysSql(column: ColumnSpec, raw: Sql): Sql {
  return listKeys(raw, mapColumn(column));
}

/** The lookup-map columns that vocabularyMapsSql adds (dropped again at the end of staging). */
export function vocabularyMapColumns(columns: readonly ColumnSpec[]): Sql[] {
  const names = [...new Set(columns.filter((c) => c.type === "list").map((c) => c.vocabulary!))];
  return names.map((n) => ident(`m_${n}`));
}

/** A one-row relation with the lookup maps of the vocabularies of the list columns given. */
export function vocabularyMapsSql(columns: readonly ColumnSpec[]): Sql | undefined {
  const names = [...new Set(columns.filter((c) => c.type === "list").map((c) => c.vocabulary!))];
  if (!names.length) return undefined;
  return sql`(select ${join(
    names.map((n) => sql`${mapSql([...vocabularyLookup(n)])} as ${ident(`m_${n}`)}`),
  )})`;
}

/** SQL of the first part of a list column (trimmed, as written) that is no vocabulary value. */
export function firstUnknownPart(column: ColumnSpec, raw: Sql): Sql {
  return sql`list_filter(list_transform(regexp_split_to_array(coalesce(${raw}, ''), '[;|]'), lambda p: rm_text(p)), lambda t: t is not null and map_extract_value(${mapColumn(column)}, rm_key(t)) is null)[1]`;
}

/** SQL that parses one raw column into its contract type (NULL when empty or unparseable). */
export function parseExpr(column: ColumnSpec, raw: Sql): Sql {
  switch (column.type) {
    case "text":
      return sql`rm_text_f(${raw})`;
    case "date":
      return sql`rm_date_f(${raw})`;
    case "number":
      return sql`rm_number_f(${raw})`;
    case "integer":
      return sql`rm_number_f(${raw})`;
    case "boolean":
      return sql`rm_bool_f(${raw})`;
    case "municipality":
      return sql`rm_gemeente(${raw})`;
    case "list": {
      // every known value once, sorted; an empty field is an empty list
      return sql`list_sort(list_distinct(list_transform(${listKeysColumn(column)}, lambda k: map_extract_value(${mapColumn(column)}, k))))`;
    }
    case "vocabulary": {
      // Map lookups: a CASE of some thirty strings flattens a dictionary-compressed column and
      // was 25 times slower on project_partners.sector (issue 12).
      const lookup = [...vocabularyLookup(column.vocabulary!)];
      const parsed = sql`map_extract_value(${mapSql(lookup)}, rm_key(${raw}))`;
      const full = column.emptyValue
        ? sql`coalesce(${parsed}, case when rm_key(${raw}) is null then ${column.emptyValue} end)`
        : parsed;
      // Fast path: a value that is its own comparison key (lower case, no spaces or dashes).
      const exact = lookup.filter(([key]) => CANONICAL_KEY.test(key));
      if (!exact.length) return sql`(${full})`;
      // A CASE, not coalesce: DuckDB hoists the slow path's rm_key out of a coalesce and runs
      // it on every row.
      const exactMap = mapSql(exact);
      return sql`case when map_contains(${exactMap}, ${raw}) then map_extract_value(${exactMap}, ${raw}) else ${full} end`;
    }
  }
}

/**
 * SQL for a column's problem code, or NULL. `raw` and `value` name the raw text and parsed
 * value; `other` the parsed value of the column it must not precede. Range problems carry a
 * detail after a colon (`invalid_range:order`) so that the message can say which rule failed.
 */
export function problemExpr(
  column: ColumnSpec,
  raw: Sql,
  value: Sql,
  other?: Sql,
  knownProject?: Sql,
  response?: { readonly known: Sql; readonly respondent: Sql },
): Sql {
  const empty = sql`rm_blank(${raw})`;
  const missing = column.required ? sql`'missing_value'` : sql`null`;
  // A value that did not parse: `ifEmpty` when its text is blank, else `code`. A blank text never
  // parses, so rm_blank (a regular expression) runs only for NULL values, not on every row.
  const unparsed = (ifEmpty: Sql, code: string) =>
    sql`when ${value} is null then (case when ${empty} then ${ifEmpty} else ${code} end)`;
  const whens: Sql[] = [];
  switch (column.type) {
    case "text":
      if (column.required) whens.push(sql`when ${value} is null then 'missing_value'`);
      if (column.refersToProject && knownProject) {
        whens.push(sql`when ${knownProject} is null then 'unknown_value:project'`);
      }
      if (column.refersToResponse && response) {
        whens.push(sql`when ${response.known} is null then 'unknown_value:response'`);
      }
      if (column.notRespondent && response) {
        whens.push(sql`when ${value} = ${response.respondent} then 'invalid_range:self'`);
      }
      break;
    case "list":
      whens.push(
        sql`when len(list_filter(${listKeysColumn(column)}, lambda k: map_extract_value(${mapColumn(column)}, k) is null)) > 0 then 'unknown_value:list'`,
      );
      break;
    case "boolean":
      whens.push(sql`when ${value} is null then 'invalid_boolean'`);
      break;
    case "date":
      whens.push(unparsed(missing, "invalid_date"));
      whens.push(sql`when year(${value}) not between 1990 and 2100 then 'invalid_range:year'`);
      break;
    case "number":
    case "integer":
      whens.push(unparsed(missing, "invalid_number"));
      if (column.type === "integer") {
        whens.push(sql`when ${value} <> floor(${value}) then 'invalid_number'`);
      }
      if (column.min !== undefined)
        whens.push(sql`when ${value} < ${column.min} then 'invalid_range:min'`);
      if (column.max !== undefined)
        whens.push(sql`when ${value} > ${column.max} then 'invalid_range:max'`);
      break;
    case "vocabulary":
      if (column.emptyValue) whens.push(sql`when ${value} is null then 'unknown_value:vocabulary'`);
      else whens.push(unparsed(missing, "unknown_value:vocabulary"));
      break;
    case "municipality":
      whens.push(unparsed(sql`null`, "unknown_value:municipality"));
      break;
  }
  if (column.notBefore && other) {
    const cmp = column.notBefore.strict ? sql`<=` : sql`<`;
    whens.push(
      sql`when ${value} is not null and ${other} is not null and ${value} ${cmp} ${other} then 'invalid_range:order'`,
    );
  }
  return whens.length === 0 ? sql`null` : sql`(case ${join(whens, " ")} end)`;
}

/** SQL for the Dutch message of a column's problem, given its problem code and raw text. */
export function messageExpr(
  column: ColumnSpec,
  header: string,
  code: Sql,
  raw: Sql,
  otherHeader = column.notBefore?.column ?? "",
  rejectedResponse?: Sql,
  possible: (code: string) => boolean = () => true,
): Sql {
  const h = sql`${`Kolom "${header}": `}`;
  const v = sql`'"' || coalesce(${raw}, '') || '"'`;
  const vocabulary = column.vocabulary
    ? vocabularies[column.vocabulary].values.map((x) => x.value).join(", ")
    : "";
  const order = column.notBefore
    ? column.notBefore.strict
      ? `moet na ${otherHeader} liggen`
      : `mag niet vóór ${otherHeader} liggen`
    : "";
  const number = column.type === "integer" ? "geheel getal" : "getal";
  const parts: [string, Sql][] = [
    ["missing_value", sql`${h} || 'verplichte waarde ontbreekt.'`],
    [
      "invalid_date",
      sql`${h} || ${v} || ' is geen geldige datum (gebruik bijv. 05-03-2024 of 2024-03-05).'`,
    ],
    ["invalid_range:year", sql`${h} || ${v} || ' ligt buiten de jaren 1990–2100.'`],
    ["invalid_number", sql`${h} || ${v} || ${` is geen geldig ${number}.`}`],
    ["invalid_range:min", sql`${h} || ${v} || ${` mag niet kleiner zijn dan ${column.min ?? 0}.`}`],
    ["invalid_range:max", sql`${h} || ${v} || ${` mag niet groter zijn dan ${column.max ?? 0}.`}`],
    [
      "invalid_boolean",
      sql`${h} || ${v} || ' is geen ja/nee-waarde (gebruik ja, nee, j, n, 1, 0 of x).'`,
    ],
    [
      "unknown_value:vocabulary",
      sql`${h} || ${v} || ${` is geen bekende waarde (toegestaan: ${vocabulary}).`}`,
    ],
    [
      "unknown_value:municipality",
      sql`${h} || ${v} || ' is geen CBS-gemeentecode (bijv. GM0772).'`,
    ],
    ["unknown_value:project", sql`${h} || 'project ' || ${v} || ' staat niet in projects.csv.'`],
    ["invalid_range:order", sql`${h} || ${v} || ${` ${order}.`}`],
    [
      "unknown_value:list",
      column.type === "list"
        ? sql`${h} || '"' || ${firstUnknownPart(column, raw)} || ${`" is geen bekende waarde (toegestaan: ${vocabulary}; scheid waarden met ; of |).`}`
        : sql`null`,
    ],
    [
      "unknown_value:response",
      sql`${h} || 'antwoord ' || ${v} || ' staat niet tussen de geladen antwoorden van survey_responses.csv' || ${
        rejectedResponse
          ? sql`coalesce(' (het antwoord zelf is afgewezen, ' || ${rejectedResponse} || ').', '.')`
          : sql`'.'`
      }`,
    ],
    [
      "invalid_range:self",
      sql`${h} || ${v} || ' is de antwoordende organisatie zelf; een relatie gaat over een andere organisatie.'`,
    ],
  ];
  const whens = parts.filter(([c]) => possible(c)).map(([c, m]) => sql`when ${c} then ${m}`);
  return whens.length ? sql`(case ${code} ${join(whens, " ")} end)` : sql`null::varchar`;
}
