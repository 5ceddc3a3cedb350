/*
 * Excel cell values as the text the contract's SQL parsers read (issue 15). Cell types are
 * taken as they are, so a real date or number cell needs no text parsing:
 * - a date cell → ISO `YYYY-MM-DD` (with ` HH:MM` when it has a time of day, which the date rule
 *   drops);
 * - a number cell → its value with a decimal point and at most 15 significant digits (Excel's
 *   own precision, so 0.1 + 0.2 reads as 0.3); a value ending in a point and three digits gets a
 *   0 (`1234.5670`) so the number rule cannot take the point for a thousands separator;
 * - a boolean cell → `WAAR` / `ONWAAR`, as a Dutch Excel shows it (the boolean rule reads both);
 * - a formula → its cached result, by the same rules (a number result in a date format is a
 *   date); a formula without a cached result (a workbook never opened in Excel) is empty;
 * - rich text and hyperlinks → their plain text; an error cell (`#N/A`, `#DEEL/0!`) → its text,
 *   which then fails its column's check (a formula whose cached result is an error reads `#FOUT`);
 * - a text cell → its text unchanged (`05-03-2024` and `1.234,50` are parsed as in CSV).
 */

/** Whether an Excel number format shows a date or time (quoted text and [colours] left out). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return !/^general$/i.test(bare) && /[ymdhs]/i.test(bare);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date as ISO text, read in UTC (exceljs builds dates from Excel's serial day in UTC). */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  return minutes ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** An Excel serial day number as a date (the 1904 date system when the workbook uses it). */
export function serialDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? 24107 : 25569; // days from Excel's day 0 to 1970-01-01
  return new Date(Math.round((serial - epoch) * 86_400_000));
}

/** A number as text with a decimal point, at most 15 significant digits, never exponential. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return "";
  const rounded = Number(value.toPrecision(15));
  let text = rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  if (/\.\d{3}$/.test(text)) text += "0";
  return text;
}

interface Formula {
  readonly formula?: string;
  readonly sharedFormula?: string;
  readonly result?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * The text of a cell's value (exceljs's model: string, number, boolean, Date, or an object for
 * rich text, hyperlinks, errors and formulas). `format` is the cell's number format.
 */
export function cellText(value: unknown, format: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    return isDateFormat(format) ? dateText(serialDate(value, date1904)) : numberText(value);
  }
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (value instanceof Date) return dateText(value);
  if (!isObject(value)) return String(value);
  if ("formula" in value || "sharedFormula" in value) {
    const { result } = value as Formula;
    if (typeof result === "number" && Number.isNaN(result)) return "#FOUT";
    return cellText(result, format, date1904);
  }
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((part: unknown) => (isObject(part) ? String(part.text ?? "") : ""))
      .join("");
  }
  if ("error" in value) return String(value.error);
  if ("text" in value) return cellText(value.text, format, date1904);
  return "";
}
