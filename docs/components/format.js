// Dutch (nl-NL) formatting of numbers, amounts, shares and dates, for text, tables, tooltips and
// Plot axes. Dates in the data are ISO text ("2024-12-31"); they are read as UTC midnight and
// always formatted in UTC, so no time zone can shift a day.
import * as d3 from "d3";

/** d3's number locale with Dutch conventions: 1.234,5 and € 1.234. */
export const nlNumber = d3.formatLocale({
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["€ ", ""],
  minus: "−",
  percent: " %",
});

/** d3's time locale in Dutch (month and day names), for `utcFormat`. */
export const nlTime = d3.timeFormatLocale({
  dateTime: "%A %e %B %Y, %X",
  date: "%d-%m-%Y",
  time: "%H:%M:%S",
  periods: ["", ""],
  days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"],
  months: [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ],
  shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
});

const DASH = "–";
const isMissing = (value) => value == null || Number.isNaN(value);

/** An ISO date ("2024-12-31") or Date as a Date at UTC midnight; null stays null. */
export function toDate(value) {
  if (value == null || value === "") return null;
  return value instanceof Date ? value : new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
}

/**
 * `value` as toLocaleString("nl-NL") writes it with `min`–`max` decimals (1.234,5; -0,3), without
 * Intl: a page's first use of Intl loads ICU's data (30–100 ms), which the first chart need not
 * wait for. Rounded as Intl rounds: half away from zero, on the number's shortest decimal text
 * (1.15 → 1,2, where toFixed gives 1.1).
 */
export function dutchNumber(value, min, max) {
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [mantissa, exponent = "0"] = String(Math.abs(value)).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 0) [digits, point] = ["0".repeat(-point) + digits, 0];
  const keep = point + max;
  let kept = digits.slice(0, keep).padEnd(keep, "0");
  if (digits[keep] >= "5") kept = (BigInt(kept || "0") + 1n).toString().padStart(keep, "0");
  const integer = kept.slice(0, kept.length - max).replace(/^0+(?=\d)/, "") || "0";
  let decimals = kept.slice(kept.length - max);
  while (decimals.length > min && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${grouped}${decimals ? `,${decimals}` : ""}`;
}

/** A number with `digits` decimals (default: up to 1), e.g. 1.234,5; null as a dash. */
export function formatNumber(value, digits) {
  if (isMissing(value)) return DASH;
  return digits == null ? dutchNumber(value, 0, 1) : dutchNumber(value, digits, digits);
}

/** A count: 1.234. */
export function formatInteger(value) {
  return isMissing(value) ? DASH : dutchNumber(Math.round(value), 0, 0);
}

/** A fraction 0–1 as a percentage: 0.256 → "25,6 %" (`digits` decimals, default 0). */
export function formatPercent(value, digits = 0) {
  return isMissing(value) ? DASH : `${formatNumber(value * 100, digits)} %`;
}

/** An amount in euros: € 1.234.567; with `compact`, € 1,2 mln / € 345.000. */
export function formatEuro(value, { compact = false } = {}) {
  if (isMissing(value)) return DASH;
  if (compact && Math.abs(value) >= 1e6) return `€ ${formatNumber(value / 1e6, 1)} mln`;
  return `€ ${dutchNumber(Math.round(value), 0, 0)}`;
}

/** A date as dd-mm-jjjj (31-12-2024); null as a dash. */
export function formatDate(value) {
  const date = toDate(value);
  return date ? nlTime.utcFormat("%d-%m-%Y")(date) : DASH;
}

/** A date in words: 31 december 2024. */
export function formatDateLong(value) {
  const date = toDate(value);
  return date ? nlTime.utcFormat("%-d %B %Y")(date) : DASH;
}

/** A timestamp (ISO 8601) in Dutch local time: 24 november 2026 om 10:12. */
export function formatTimestamp(iso) {
  if (!iso) return DASH;
  return new Date(iso).toLocaleString("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
}

/**
 * A value in the unit of the indicator catalog (`aantal`, `aandeel`, `euro`, `index`,
 * `gemiddelde`, `ja/nee`).
 */
export function formatValue(value, unit) {
  if (isMissing(value)) return DASH;
  switch (unit) {
    case "aantal":
      return formatInteger(value);
    case "aandeel":
      return formatPercent(value);
    case "euro":
      return formatEuro(value, { compact: true });
    case "ja/nee":
      return value ? "ja" : "nee";
    case "index":
      return formatNumber(value, 2);
    default:
      return formatNumber(value, 1);
  }
}

/**
 * A change rounded as formatChange shows it (1 procentpunt, a whole count, 0,01 of an index), so
 * that a change shown as "±0" is also treated as no change.
 */
export function roundChange(delta, unit) {
  if (isMissing(delta)) return null;
  switch (unit) {
    case "aantal":
    case "ja/nee":
      return Math.round(delta);
    case "euro":
      return Math.abs(delta) >= 1e6 ? Math.round(delta / 1e5) * 1e5 : Math.round(delta);
    default:
      return Math.round(delta * 100) / 100;
  }
}

/** A change between two values in the unit's terms: +3 / −4 procentpunt / +€ 0,2 mln. */
export function formatChange(delta, unit) {
  if (isMissing(delta)) return DASH;
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = Math.abs(delta);
  switch (unit) {
    case "aandeel":
      return `${sign}${formatNumber(size * 100, 0)} procentpunt`;
    case "euro":
      return `${sign}${formatEuro(size, { compact: true })}`;
    case "aantal":
      return `${sign}${formatInteger(size)}`;
    case "ja/nee":
      return delta === 0 ? "gelijk" : delta > 0 ? "nu wel" : "nu niet";
    default:
      return `${sign}${formatNumber(size, 2)}`;
  }
}

/**
 * A tick format for Plot axes in a catalog unit or a kind: "aantal", "aandeel" (as %),
 * "euro" (€ mln), "index", "datum" (jan 2025), "jaar", "kwartaal" (K1 2025).
 */
export function tickFormat(kind) {
  switch (kind) {
    case "aandeel":
      return (v) => `${formatNumber(v * 100, 0)} %`;
    case "euro":
      return (v) => (Math.abs(v) >= 1e6 ? `€ ${formatNumber(v / 1e6, 1)} mln` : formatEuro(v));
    case "datum":
      return nlTime.utcFormat("%b %Y");
    case "jaar":
      return (v) => String(v instanceof Date ? v.getUTCFullYear() : v);
    case "kwartaal":
      return (v) => `K${Math.floor(toDate(v).getUTCMonth() / 3) + 1} ${toDate(v).getUTCFullYear()}`;
    case "index":
      return nlNumber.format(",.2~f");
    default:
      return nlNumber.format(",~g");
  }
}
