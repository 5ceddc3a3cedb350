/**
 * SQL that cannot be built unescaped. `sql` is a tagged template: every interpolated value
 * becomes a SQL literal, unless it is already SQL (`Sql`: another `sql` template, an `ident`, a
 * `join`, or `trusted` text the code itself wrote). The database module runs only `Sql`, so text
 * from exports, mappings or settings reaches DuckDB only as a literal or a quoted identifier.
 */

const brand: unique symbol = Symbol("sql");

/** A piece of SQL text, built by this module only. */
export class Sql {
  readonly [brand] = true;
  /** The SQL text. */
  readonly text: string;

  private constructor(text: string) {
    this.text = text;
  }

  /** @internal */
  static of(text: string): Sql {
    return new Sql(text);
  }

  toString(): string {
    return this.text;
  }
}

/** What a template may interpolate: values become literals, arrays comma-separated lists. */
export type SqlValue = string | number | bigint | boolean | null | Sql | readonly SqlValue[];

/** True for a value built by this module. */
export function isSql(value: unknown): value is Sql {
  return value instanceof Sql;
}

/** A SQL string literal, a number, a boolean or NULL. */
export function literal(value: string | number | bigint | boolean | null): Sql {
  if (value === null) return Sql.of("null");
  switch (typeof value) {
    case "string":
      return Sql.of(`'${value.replaceAll("'", "''")}'`);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`sql: geen eindig getal: ${value}`);
      return Sql.of(value < 0 ? `(${value})` : String(value));
    case "bigint":
      return Sql.of(value < 0n ? `(${value})` : String(value));
    case "boolean":
      return Sql.of(value ? "true" : "false");
    default:
      throw new Error(`sql: geen SQL-waarde: ${typeof value}`);
  }
}

/** A quoted identifier. */
export function ident(name: string): Sql {
  return Sql.of(`"${name.replaceAll('"', '""')}"`);
}

/**
 * SQL text that the code itself wrote, never text from input: a constant fragment, an operator,
 * a type name. Prefer `sql` templates; this exists for text built in code (e.g. a regular
 * expression kept in a constant is a literal, not trusted SQL).
 */
export function trusted(text: string): Sql {
  return Sql.of(text);
}

/** Joins pieces of SQL with a separator the code wrote (`, `, ` and `, a newline). */
export function join(parts: readonly Sql[], separator = ", "): Sql {
  return Sql.of(parts.map((p) => p.text).join(separator));
}

function fragment(value: SqlValue | undefined): string {
  if (value instanceof Sql) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error("sql: lege lijst");
    return (value as readonly SqlValue[]).map(fragment).join(", ");
  }
  if (value === undefined) throw new Error("sql: waarde is undefined");
  return literal(value as string | number | bigint | boolean | null).text;
}

type Lexer = "code" | "single" | "double" | "line" | "block";

/** The lexer state after `text`, started in `state`: where an interpolation would land. */
function advance(state: Lexer, text: string): Lexer {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (state === "code") {
      if (c === "'") state = "single";
      else if (c === '"') state = "double";
      else if (c === "-" && next === "-") state = "line";
      else if (c === "/" && next === "*") state = "block";
    } else if (state === "single") {
      if (c === "'") state = "code";
    } else if (state === "double") {
      if (c === '"') state = "code";
    } else if (state === "line") {
      if (c === "\n") state = "code";
    } else if (c === "*" && next === "/") {
      state = "code";
      i++;
    }
  }
  return state;
}

/**
 * The tagged template, e.g. sql`…from ${ident(table)} where file = ${name}`. A value
 * interpolated inside a quoted string, a quoted identifier or a comment is a programming error
 * and throws (it would be pasted unescaped, or quoted twice).
 */
export function sql(strings: TemplateStringsArray, ...values: readonly SqlValue[]): Sql {
  let text = strings[0]!;
  let state = advance("code", text);
  for (let i = 0; i < values.length; i++) {
    if (state !== "code") {
      throw new Error(
        `sql: waarde ${i + 1} staat binnen ${where[state]}: ${strings[i]!.slice(-40)}`,
      );
    }
    const part = strings[i + 1]!;
    text += fragment(values[i]) + part;
    state = advance(state, part);
  }
  return Sql.of(text);
}

const where: Record<Lexer, string> = {
  code: "code",
  single: "een tekst tussen enkele aanhalingstekens",
  double: "een naam tussen dubbele aanhalingstekens",
  line: "commentaar",
  block: "commentaar",
};
