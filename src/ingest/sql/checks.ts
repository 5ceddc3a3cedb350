import { vocabularies, vocabularyLookup, type ColumnSpec } from "../../contract/index.ts";
import { ident, lit } from "../../db/duckdb.ts";

/** SQL that parses one raw column into its contract type (NULL when empty or unparseable). */
export function parseExpr(column: ColumnSpec, raw: string): string {
  switch (column.type) {
    case "text":
      return `rm_text(${raw})`;
    case "date":
      return `rm_date(${raw})`;
    case "number":
      return `rm_number(${raw})`;
    case "integer":
      return `rm_number(${raw})`;
    case "boolean":
      return `rm_bool(${raw})`;
    case "municipality":
      return `rm_gemeente(${raw})`;
    case "vocabulary": {
      const lookup = vocabularyLookup(column.vocabulary!);
      const whens = [...lookup].map(([key, value]) => `when ${lit(key)} then ${lit(value)}`);
      const parsed = `case rm_key(${raw}) ${whens.join(" ")} end`;
      return column.emptyValue
        ? `coalesce(${parsed}, case when rm_key(${raw}) is null then ${lit(column.emptyValue)} end)`
        : `(${parsed})`;
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
  raw: string,
  value: string,
  other?: string,
  knownProject?: string,
): string {
  const empty = `rm_text(${raw}) is null`;
  const missing = column.required ? `'missing_value'` : "null";
  const whens: string[] = [];
  switch (column.type) {
    case "text":
      if (column.required) whens.push(`when ${value} is null then 'missing_value'`);
      if (column.refersToProject && knownProject) {
        whens.push(`when ${knownProject} is null then 'unknown_value:project'`);
      }
      break;
    case "boolean":
      whens.push(`when ${value} is null then 'invalid_boolean'`);
      break;
    case "date":
      whens.push(`when ${empty} then ${missing}`, `when ${value} is null then 'invalid_date'`);
      whens.push(`when year(${value}) not between 1990 and 2100 then 'invalid_range:year'`);
      break;
    case "number":
    case "integer":
      whens.push(`when ${empty} then ${missing}`, `when ${value} is null then 'invalid_number'`);
      if (column.type === "integer") {
        whens.push(`when ${value} <> floor(${value}) then 'invalid_number'`);
      }
      if (column.min !== undefined)
        whens.push(`when ${value} < ${column.min} then 'invalid_range:min'`);
      if (column.max !== undefined)
        whens.push(`when ${value} > ${column.max} then 'invalid_range:max'`);
      break;
    case "vocabulary":
      if (!column.emptyValue) whens.push(`when ${empty} then ${missing}`);
      whens.push(`when ${value} is null then 'unknown_value:vocabulary'`);
      break;
    case "municipality":
      whens.push(
        `when ${empty} then null`,
        `when ${value} is null then 'unknown_value:municipality'`,
      );
      break;
  }
  if (column.notBefore && other) {
    const cmp = column.notBefore.strict ? "<=" : "<";
    whens.push(
      `when ${value} is not null and ${other} is not null and ${value} ${cmp} ${other} then 'invalid_range:order'`,
    );
  }
  return whens.length === 0 ? "null" : `(case ${whens.join(" ")} end)`;
}

/** SQL for the Dutch message of a column's problem, given its problem code and raw text. */
export function messageExpr(
  column: ColumnSpec,
  header: string,
  code: string,
  raw: string,
  otherHeader = column.notBefore?.column ?? "",
): string {
  const h = `'Kolom "${header.replaceAll("'", "''")}": '`;
  const v = `'"' || coalesce(${raw}, '') || '"'`;
  const vocabulary = column.vocabulary
    ? vocabularies[column.vocabulary].values.map((x) => x.value).join(", ")
    : "";
  const order = column.notBefore
    ? column.notBefore.strict
      ? `moet na ${otherHeader} liggen`
      : `mag niet vóór ${otherHeader} liggen`
    : "";
  const parts: [string, string][] = [
    ["missing_value", `${h} || 'verplichte waarde ontbreekt.'`],
    [
      "invalid_date",
      `${h} || ${v} || ' is geen geldige datum (gebruik bijv. 05-03-2024 of 2024-03-05).'`,
    ],
    ["invalid_range:year", `${h} || ${v} || ' ligt buiten de jaren 1990–2100.'`],
    [
      "invalid_number",
      `${h} || ${v} || ' is geen geldig ${column.type === "integer" ? "geheel getal" : "getal"}.'`,
    ],
    ["invalid_range:min", `${h} || ${v} || ' mag niet kleiner zijn dan ${column.min ?? 0}.'`],
    ["invalid_range:max", `${h} || ${v} || ' mag niet groter zijn dan ${column.max ?? 0}.'`],
    [
      "invalid_boolean",
      `${h} || ${v} || ' is geen ja/nee-waarde (gebruik ja, nee, j, n, 1, 0 of x).'`,
    ],
    [
      "unknown_value:vocabulary",
      `${h} || ${v} || ' is geen bekende waarde (toegestaan: ${vocabulary}).'`,
    ],
    ["unknown_value:municipality", `${h} || ${v} || ' is geen CBS-gemeentecode (bijv. GM0772).'`],
    ["unknown_value:project", `${h} || 'project ' || ${v} || ' staat niet in projects.csv.'`],
    ["invalid_range:order", `${h} || ${v} || ' ${order}.'`],
  ];
  return `(case ${code} ${parts.map(([c, m]) => `when ${lit(c)} then ${m}`).join(" ")} end)`;
}

export { ident };
