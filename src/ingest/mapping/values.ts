import type { ColumnSpec } from "../../contract/index.ts";

/**
 * The comparison key of a raw value in `values`: trimmed, inner white space folded, lower case.
 * The SQL twin is `lower(rm_text(x))`, with '' for an empty value.
 */
export function valueKey(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().toLowerCase();
}

/** A JSON value of mapping.json that can stand for a contract value. */
export type JsonScalar = string | number | boolean;

export function isScalar(value: unknown): value is JsonScalar {
  return typeof value === "string" || typeof value === "boolean" || Number.isFinite(value);
}

/**
 * The text the usual parsing reads for a mapped value: `true`/`false` for booleans, and numbers
 * with a decimal point that the number rule cannot take for a thousands separator.
 */
export function contractText(value: JsonScalar, column: ColumnSpec): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  const text = String(value);
  // "1234.567" would read as 1234567 (a lone separator before three digits groups thousands).
  const isNumeric = column.type === "number" || column.type === "integer";
  return isNumeric && /\.\d{3}$/.test(text) ? `${text}0` : text;
}
