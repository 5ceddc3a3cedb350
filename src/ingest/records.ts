import type { Dialect } from "./dialect.ts";
import type { HeaderPlan } from "./header.ts";
import type { RawRecord } from "./scanner.ts";

/** A row that could not be split into the header's fields. */
export interface BadRow {
  readonly line: number;
  readonly value: string | undefined;
  readonly message_nl: string;
}

const MAX_VALUE = 200;

/**
 * The raw text of a record, as shown in a bad_row reject; undefined when the file has columns
 * that are not loaded (a misaligned row could show a contact person's e-mail address).
 */
export function recordText(
  record: RawRecord,
  dialect: Dialect,
  plan: HeaderPlan,
): string | undefined {
  if (plan.ignored.length) return undefined;
  const text = record.fields.join(dialect.delimiter);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** Checks a record's field count against the header; returns a Dutch problem or undefined. */
export function fieldProblem(record: RawRecord, width: number): string | undefined {
  if (record.unterminatedQuote) return "aanhalingsteken wordt niet afgesloten";
  const n = record.fields.length;
  if (n === width) return undefined;
  if (n === width + 1 && record.fields[n - 1]!.trim() === "") return undefined;
  return `rij heeft ${n} ${n === 1 ? "veld" : "velden"}, de kop heeft er ${width}`;
}

/** The problem of a record that repeats the header. */
export const REPEATED_HEADER =
  "de kopregel staat hier nog een keer (zijn twee exports aan elkaar geplakt?)";

/** True when a record repeats the header (two exports pasted together). */
export function isHeader(record: RawRecord, header: readonly string[]): boolean {
  const { fields } = record;
  if (fields[0]?.trim().toLowerCase() !== header[0]) return false;
  return (
    fields.length === header.length && fields.every((f, i) => f.trim().toLowerCase() === header[i])
  );
}
