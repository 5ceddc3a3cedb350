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

/*
 * The field count rule (spec/contract.md, "Dialect"; issue 17). A trailing delimiter is a
 * property of the file, never of a single row. `width` is the header's field count without a
 * trailing empty one (HeaderPlan.width).
 * - The header ends with the delimiter (its last field is empty): the file has a trailing
 *   delimiter. A row may have `width` fields, or `width + 1` whose last is empty (whitespace only
 *   counts as empty); any other count is bad_row.
 * - The header does not end with the delimiter: when every data row has `width + 1` fields with
 *   an empty last one, the file has a trailing delimiter (every row loads, the quality report
 *   notes it). "Every data row" is literal: it leaves out only a row with an unterminated quote
 *   and a row that repeats the header (each bad_row for its own reason, as before), so a single
 *   row with `width` fields, or with any other wrong count, means the file has none. A file
 *   without data rows has none.
 * - Otherwise a row must have exactly `width` fields: one with `width + 1` is bad_row even when
 *   its extra field is empty (its values are shifted: "rij heeft 5 velden, de kop heeft er 4").
 * FieldCountRule applies this to the scanner's records; Prescanner (prescan.ts) mirrors it.
 */

/** True when a record has one field more than `width` and that field is empty. */
export function endsWithEmptyField(record: RawRecord, width: number): boolean {
  const { fields } = record;
  return fields.length === width + 1 && fields[width]!.trim() === "";
}

/** The Dutch problem of a record whose field count is wrong. */
export function countProblem(n: number, width: number): string {
  return `rij heeft ${n} ${n === 1 ? "veld" : "velden"}, de kop heeft er ${width}`;
}

/**
 * Checks a record's field count against the header when it is known whether the file has a
 * trailing delimiter (`trailing`); returns a Dutch problem or undefined.
 */
export function fieldProblem(
  record: RawRecord,
  width: number,
  trailing: boolean,
): string | undefined {
  if (record.unterminatedQuote) return "aanhalingsteken wordt niet afgesloten";
  const n = record.fields.length;
  if (n === width) return undefined;
  if (trailing && endsWithEmptyField(record, width)) return undefined;
  return countProblem(n, width);
}

/**
 * What FieldCountRule.judge returns when rows loaded as ending with the file's trailing
 * delimiter turn out to be shifted: the file must be read again with `noTrailing`.
 */
export const READ_AGAIN = Symbol("read again");

/**
 * The field count rule for a file read record by record (see above). Before the first row that
 * decides it, a row ending with an empty extra field is taken to end with the file's trailing
 * delimiter; when a later row shows that the file has none, judge returns READ_AGAIN (the rows
 * taken so far are shifted), and the file is read again with `noTrailing`. So the usual files
 * (no trailing delimiter, or one on every row) are read once.
 */
export class FieldCountRule {
  /** A data row was seen that rules out a trailing delimiter on every row. */
  private plain: boolean;
  private trailingRows = 0;

  /**
   * `headerTrailing`: the header ends with the delimiter. `noTrailing`: a reading before found
   * that the file has no trailing delimiter.
   */
  constructor(
    private readonly width: number,
    private readonly headerTrailing: boolean,
    noTrailing = false,
  ) {
    this.plain = noTrailing;
  }

  /** Judges a data record that does not repeat the header: a Dutch problem, undefined, or READ_AGAIN. */
  judge(record: RawRecord): string | undefined | typeof READ_AGAIN {
    const { width } = this;
    if (this.headerTrailing || record.unterminatedQuote) return fieldProblem(record, width, true);
    if (endsWithEmptyField(record, width)) {
      if (this.plain) return countProblem(width + 1, width);
      this.trailingRows++;
      return undefined;
    }
    if (this.trailingRows > 0) return READ_AGAIN;
    this.plain = true;
    return fieldProblem(record, width, false);
  }

  /** True when the header has no trailing delimiter and every data row has one (so far). */
  get everyRowTrailing(): boolean {
    return this.trailingRows > 0;
  }
}

/** The problem of a record that repeats the header. */
export const REPEATED_HEADER =
  "de kopregel staat hier nog een keer (zijn twee exports aan elkaar geplakt?)";

/**
 * True when a record repeats the header (two exports pasted together). `header` holds the
 * header's names, trimmed and in lower case, without a trailing empty one; the record may end
 * with an empty extra field or not, whatever the header does (read_csv's path, which compares
 * the loaded columns only, finds such a row too).
 */
export function isHeader(record: RawRecord, header: readonly string[]): boolean {
  const { fields } = record;
  if (fields[0]?.trim().toLowerCase() !== header[0]) return false;
  if (fields.length !== header.length && !endsWithEmptyField(record, header.length)) return false;
  return header.every((name, i) => fields[i]!.trim().toLowerCase() === name);
}
