/** The delimiters the contract accepts. */
export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface Dialect {
  readonly delimiter: Delimiter;
  /** True when line 1 is an Excel `sep=` hint (not a row; the header is on the next line). */
  readonly sepHint: boolean;
  /**
   * Set once a file has been read, when its header does not end with the delimiter but every
   * data row does (one more field, empty, ignored; the quality report notes it). A header that
   * ends with the delimiter needs no mark: its empty column is left out (HeaderPlan.width). See
   * the field count rule in records.ts.
   */
  readonly trailingEveryRow?: true;
}

const SEP_HINT = /^"?sep=(.)"?[,;\t]*\s*$/i;

/** The first line of a text, without its line end. */
function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** Counts a character outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let count = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) count++;
  }
  return count;
}

/**
 * Detects the dialect from the start of a decoded file: an Excel `sep=` hint on line 1 names the
 * delimiter; otherwise the delimiter that splits the header line (the first non-blank line) into
 * the most fields, comma on a tie.
 */
export function sniffDialect(head: string): Dialect {
  const hint = SEP_HINT.exec(firstLine(head));
  if (hint) {
    const ch = hint[1] === "\\" ? "\t" : hint[1]!;
    const delimiter = (DELIMITERS as readonly string[]).includes(ch) ? (ch as Delimiter) : ",";
    return { delimiter, sepHint: true };
  }
  const header = head.split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "";
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = countOutsideQuotes(header, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return { delimiter: best, sepHint: false };
}

/** A Dutch name for a delimiter, for the quality report. */
export function delimiterName(d: Delimiter): string {
  return d === "," ? "komma" : d === ";" ? "puntkomma" : "tab";
}
