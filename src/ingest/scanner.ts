/** One record of a CSV file, with the 1-based physical line on which it starts. */
export interface RawRecord {
  readonly line: number;
  readonly fields: string[];
  /** Set when the file ended inside a quoted field. */
  readonly unterminatedQuote?: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * A streaming RFC 4180 scanner that counts physical lines: CRLF, LF and lone CR each end a line,
 * also inside quoted fields. Blank (or whitespace-only) lines are skipped but counted. Quotes are
 * lenient: a quote inside an unquoted field is kept as text.
 */
export class CsvScanner {
  private fields: string[] = [];
  private field = "";
  private quoted = false;
  private inQuotes = false;
  private justClosed = false;
  private afterCR = false;
  private line = 1;
  private recordLine = 1;

  constructor(
    private readonly delimiter: string,
    private readonly emit: (record: RawRecord) => void,
  ) {}

  push(chunk: string): void {
    const delimiter = this.delimiter.charCodeAt(0);
    const n = chunk.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          if (this.inQuotes) continue;
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += chunk.slice(start, i);
          this.inQuotes = false;
          this.justClosed = true;
          start = i + 1;
        } else if (c === CR) {
          this.line++;
          this.afterCR = true;
        } else if (c === LF) {
          this.line++;
        }
        continue;
      }
      if (this.justClosed) {
        this.justClosed = false;
        if (c === QUOTE) {
          this.field += '"';
          this.inQuotes = true;
          start = i + 1;
          continue;
        }
      }
      if (c === delimiter) {
        this.fields.push(this.field + chunk.slice(start, i));
        this.field = "";
        this.quoted = false;
        start = i + 1;
      } else if (c === CR || c === LF) {
        this.fields.push(this.field + chunk.slice(start, i));
        this.endRecord(false);
        this.line++;
        this.recordLine = this.line;
        if (c === CR) this.afterCR = true;
        start = i + 1;
      } else if (c === QUOTE && !this.quoted && start === i && this.field === "") {
        this.quoted = true;
        this.inQuotes = true;
        start = i + 1;
      }
    }
    this.field += chunk.slice(start);
  }

  /** Flushes the last record; call once after the last chunk. */
  end(): void {
    if (this.inQuotes) {
      this.fields.push(this.field);
      this.endRecord(true);
      return;
    }
    if (this.fields.length > 0 || this.field !== "" || this.quoted) {
      this.fields.push(this.field);
      this.endRecord(false);
    }
  }

  private endRecord(unterminatedQuote: boolean): void {
    const fields = this.fields;
    const blank = !this.quoted && fields.length === 1 && fields[0]!.trim() === "";
    if (!blank || unterminatedQuote) {
      this.emit(
        unterminatedQuote
          ? { line: this.recordLine, fields, unterminatedQuote }
          : { line: this.recordLine, fields },
      );
    }
    this.fields = [];
    this.field = "";
    this.quoted = false;
    this.justClosed = false;
  }
}

/** Scans a whole string: convenient for tests and small inputs. */
export function scanText(text: string, delimiter: string): RawRecord[] {
  const records: RawRecord[] = [];
  const scanner = new CsvScanner(delimiter, (r) => records.push(r));
  scanner.push(text);
  scanner.end();
  return records;
}
