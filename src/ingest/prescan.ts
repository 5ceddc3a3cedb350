/**
 * A byte-level pass over a CSV file that finds what DuckDB's read_csv cannot tell: the physical
 * line of every record, rows with the wrong number of fields, and anything the fast path would
 * read differently from CsvScanner (then the file is "irregular" and read by the scanner).
 * It mirrors CsvScanner's rules exactly; it builds no strings.
 */

const QUOTE = 34;
const CR = 13;
const LF = 10;
const HIGH = 128;
/** Well under read_csv's max_line_size (2 MB). */
const MAX_RECORD = 1 << 20;

/** A record that cannot be split into the header's fields: its line and its bytes. */
export interface BadRange {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface Prescan {
  /** Why the file must be read by the scanner instead; undefined when read_csv reads it alike. */
  readonly irregular?: string;
  readonly newline: "\n" | "\r\n";
  /** The number of fields read_csv must expect (the header's width, or one more). */
  readonly fieldCount: number;
  /**
   * True when the header does not end with the delimiter but every data row does (the field
   * count rule in records.ts; a row repeating the header counted as a data row).
   */
  readonly trailingEveryRow: boolean;
  /** Data records read_csv returns (good rows), and all data records (good and bad). */
  readonly good: number;
  readonly rowsRead: number;
  /** [ordinal of a good record, line − ordinal from that record on]; the first is always there. */
  readonly anchors: readonly (readonly [number, number])[];
  readonly bad: readonly BadRange[];
  /**
   * Field indexes with a value that free-text parsing changes (rm_text: white space to trim or
   * fold, a tab, a line break, a no-break space) in some record, and with a value that is only
   * white space. Both may name more fields than strictly needed, never fewer (one-pass.ts).
   */
  readonly dirtyFields: readonly number[];
  readonly blankFields: readonly number[];
}

const isWs = (c: number) => c === 32 || c === 9 || c === 11 || c === 12;

/**
 * Scans a file's bytes chunk by chunk. `width` is the header's field count without a trailing
 * empty one; `headerLine` the line the header must be on (1, or 2 after a sep= hint).
 */
export class Prescanner {
  private readonly delimiter: number;
  private pos = 0;
  private line = 1;
  private recordLine = 1;
  private recordStart = 0;
  private inQuotes = false;
  private justClosed = false;
  private afterCR = false;
  private quoted = false;
  private fields = 0;
  private fieldLen = 0;
  private fieldNonWs = false;
  private fieldHigh = false;
  private recordHigh = false;
  private seen = 0;
  private sawLF = false;
  private sawCRLF = false;
  private irregular: string | undefined;
  /** Good rows with `width` fields, and with `width + 1` whose last is empty. */
  private widthKinds = [0, 0];
  /** Rows with any other number of fields (an unterminated quote not counted). */
  private otherCounts = 0;
  private headerTrailing = false;
  private good = 0;
  private rowsRead = 0;
  private lastDelta = Number.NaN;
  private readonly anchors: [number, number][] = [];
  private readonly bad: BadRange[] = [];
  // Free text as rm_text sees it: the field's last content byte was a space; the field needs
  // normalising; the previous two bytes (for U+00A0 = C2 A0 and U+202F = E2 80 AF).
  private lastSpace = false;
  private fieldDirty = false;
  private p1 = 0;
  private p2 = 0;
  // For a value of only white space as rm_text sees it: a byte other than its ASCII white space
  // (space, tab, LF, FF, CR) seen; bytes ≥ 128, and those of them in U+00A0 and U+202F.
  private fieldText = false;
  private fieldHighBytes = 0;
  private fieldSpaceBytes = 0;
  private readonly dirty = new Set<number>();
  private readonly blank = new Set<number>();

  constructor(
    delimiter: string,
    private readonly width: number,
    private readonly headerLine: number,
    private readonly skipFirst: boolean,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Scans the next bytes of the file. */
  push(bytes: Uint8Array): void {
    const delimiter = this.delimiter;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      // The common case first: a run of ordinary bytes of an unquoted field.
      if (!this.inQuotes && !this.afterCR && !this.justClosed) {
        let j = i;
        let high = false;
        let ascii = false;
        for (; j < n; j++) {
          const d = bytes[j]!;
          if (d <= QUOTE || d === delimiter) break;
          if (d >= HIGH) high = true;
          else ascii = true;
        }
        if (j > i) {
          this.fieldLen += j - i;
          this.fieldNonWs = true;
          this.lastSpace = false;
          if (ascii) this.fieldText = true;
          if (high) {
            this.fieldHigh = true;
            this.recordHigh = true;
            this.spaces(bytes, i, j);
          } else {
            this.p1 = this.p2 = 0;
          }
          i = j;
          if (i >= n) break;
        }
      }
      const c = bytes[i]!;
      // An ASCII byte ends any U+00A0 or U+202F in progress (see spaces).
      if (c >= HIGH) this.spaces(bytes, i, i + 1);
      else this.p1 = this.p2 = 0;
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          if (!this.inQuotes) {
            this.sawCRLF = true;
            this.recordStart = this.pos + i + 1;
          }
          continue;
        }
        if (!this.inQuotes) this.flag("een regeleinde met alleen CR");
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.inQuotes = false;
          this.justClosed = true;
        } else if (c === CR) {
          this.line++;
          this.afterCR = true;
          this.fieldDirty = true;
        } else if (c === LF) {
          this.line++;
          this.fieldDirty = true;
        } else {
          this.content(c);
          this.fieldLen++;
          if (c >= HIGH) {
            this.fieldHigh = true;
            this.recordHigh = true;
          } else if (!isWs(c)) this.fieldNonWs = true;
        }
        continue;
      }
      if (this.justClosed) {
        this.justClosed = false;
        if (c === QUOTE) {
          this.inQuotes = true;
          this.fieldLen++;
          this.fieldNonWs = true;
          this.fieldText = true;
          this.lastSpace = false;
          continue;
        }
        if (c !== delimiter && c !== CR && c !== LF)
          this.flag("tekst na een afsluitend aanhalingsteken");
      }
      if (c > QUOTE && c !== delimiter) {
        this.fieldLen++;
        this.fieldNonWs = true;
        this.lastSpace = false;
        if (c < HIGH) this.fieldText = true;
        if (c >= HIGH) {
          this.fieldHigh = true;
          this.recordHigh = true;
        }
      } else if (c === delimiter) {
        this.endField();
        this.fields++;
        this.fieldLen = 0;
        this.fieldNonWs = false;
        this.fieldHigh = false;
        this.quoted = false;
      } else if (c === CR || c === LF) {
        this.endRecord(this.pos + i, false);
        this.line++;
        this.recordLine = this.line;
        if (c === CR) this.afterCR = true;
        else this.sawLF = true;
        this.recordStart = this.pos + i + 1;
      } else if (c === QUOTE) {
        if (!this.quoted && this.fieldLen === 0 && !this.fieldNonWs) {
          this.quoted = true;
          this.inQuotes = true;
        } else {
          this.flag("een aanhalingsteken midden in een veld");
        }
      } else {
        this.content(c);
        this.fieldLen++;
        if (!isWs(c)) this.fieldNonWs = true;
        // read_csv's marker for NULL (see csv-sql.ts): such a file is read by the scanner.
        if (c === 1) this.flag("een SOH-teken");
      }
    }
    this.pos += n;
  }

  /** Ends the scan and returns what it found. */
  end(): Prescan {
    if (this.afterCR && !this.inQuotes) this.flag("een regeleinde met alleen CR");
    if (this.inQuotes) this.endRecord(this.pos, true);
    else if (this.fields > 0 || this.fieldLen > 0 || this.quoted) this.endRecord(this.pos, false);
    if (this.sawLF && this.sawCRLF) this.flag("gemengde regeleinden (CRLF en LF)");
    // Whether rows that end with an empty extra field are shifted or end with the file's
    // trailing delimiter, and where the rows repeating the header are, the scanner decides.
    if (this.widthKinds[0]! > 0 && this.widthKinds[1]! > 0) {
      this.flag("rijen met en zonder afsluitend scheidingsteken");
    }
    if (!this.headerTrailing && this.widthKinds[1]! > 0 && this.otherCounts > 0) {
      this.flag("rijen met afsluitend scheidingsteken en rijen met een ander aantal velden");
    }
    if (this.seen < (this.skipFirst ? 2 : 1)) this.flag("geen kopregel");
    return {
      ...(this.irregular ? { irregular: this.irregular } : {}),
      newline: this.sawCRLF ? "\r\n" : "\n",
      fieldCount: this.widthKinds[1]! > 0 ? this.width + 1 : this.width,
      trailingEveryRow: !this.headerTrailing && this.widthKinds[1]! > 0,
      good: this.good,
      rowsRead: this.rowsRead,
      anchors: this.anchors,
      bad: this.bad,
      dirtyFields: [...this.dirty].sort((a, b) => a - b),
      blankFields: [...this.blank].sort((a, b) => a - b),
    };
  }

  /** Notes U+00A0 and U+202F among bytes [from, to) (their bytes may span chunks). */
  private spaces(bytes: Uint8Array, from: number, to: number): void {
    let { p1, p2 } = this;
    for (let k = from; k < to; k++) {
      const d = bytes[k]!;
      if (d >= HIGH) this.fieldHighBytes++;
      if (p1 === 0xc2 && d === 0xa0) {
        this.fieldDirty = true;
        this.fieldSpaceBytes += 2;
      } else if (p2 === 0xe2 && p1 === 0x80 && d === 0xaf) {
        this.fieldDirty = true;
        this.fieldSpaceBytes += 3;
      }
      p2 = p1;
      p1 = d;
    }
    this.p1 = p1;
    this.p2 = p2;
  }

  /** A content byte under QUOTE or in quotes: spaces that rm_text would trim or fold, tabs. */
  private content(c: number): void {
    if (c === 32) {
      if (this.fieldLen === 0 || this.lastSpace) this.fieldDirty = true;
      this.lastSpace = true;
      return;
    }
    if (c === 9 || c === 12) this.fieldDirty = true;
    else if (c < HIGH) this.fieldText = true;
    this.lastSpace = false;
  }

  /** Ends the current field: its index is dirty or blank for free text (see Prescan). */
  private endField(): void {
    if (this.lastSpace || this.fieldDirty) this.dirty.add(this.fields);
    const onlySpace = !this.fieldText && this.fieldHighBytes === this.fieldSpaceBytes;
    if ((this.fieldLen > 0 || this.fieldDirty) && onlySpace) this.blank.add(this.fields);
    this.lastSpace = false;
    this.fieldDirty = false;
    this.fieldText = false;
    this.fieldHighBytes = this.fieldSpaceBytes = 0;
  }

  private flag(why: string): void {
    this.irregular ??= why;
  }

  private endRecord(end: number, unterminated: boolean): void {
    this.endField();
    const count = this.fields + 1;
    const lastEmpty = !this.fieldNonWs && !this.fieldHigh;
    const blank = !this.quoted && count === 1 && lastEmpty && !unterminated;
    if (count === 1 && this.recordHigh && !this.quoted) this.flag("een regel met één veld");
    if (!blank) this.record(end, count, lastEmpty, unterminated);
    this.fields = 0;
    this.fieldLen = 0;
    this.fieldNonWs = false;
    this.fieldHigh = false;
    this.recordHigh = false;
    this.quoted = false;
    this.justClosed = false;
  }

  private record(end: number, count: number, lastEmpty: boolean, unterminated: boolean): void {
    this.seen++;
    const header = this.skipFirst ? 2 : 1;
    if (this.seen < header) return;
    if (this.seen === header) {
      if (this.recordLine !== this.headerLine || this.line !== this.headerLine) {
        this.flag("de kopregel staat niet op de eerste regel");
      }
      this.headerTrailing = count > this.width;
      return;
    }
    this.rowsRead++;
    if (end - this.recordStart > MAX_RECORD) this.flag("een rij langer dan 1 MB");
    const trailing = count === this.width + 1 && lastEmpty;
    if (count === this.width + 1 && this.fieldHigh && !this.fieldNonWs) {
      this.flag("een afsluitend veld met bijzondere spaties");
    }
    if (unterminated || (count !== this.width && !trailing)) {
      if (!unterminated) this.otherCounts++;
      this.bad.push({ line: this.recordLine, start: this.recordStart, end });
      return;
    }
    this.widthKinds[trailing ? 1 : 0]!++;
    this.good++;
    const delta = this.recordLine - this.good;
    if (delta !== this.lastDelta) {
      this.anchors.push([this.good, delta]);
      this.lastDelta = delta;
    }
  }
}
