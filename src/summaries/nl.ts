// Dutch (nl-NL) numbers and dates in a sentence, as the site writes them
// (docs/components/format.js): 1.234, 84 %, € 2,6 mln, 31-12-2024. The summaries and the
// signals' messages (src/signals/rules.ts) count in the same words.

const WORDS = [
  "nul",
  "één",
  "twee",
  "drie",
  "vier",
  "vijf",
  "zes",
  "zeven",
  "acht",
  "negen",
  "tien",
  "elf",
  "twaalf",
];

/** A number with exactly `digits` decimals: 1.234,5. */
export function nlNumber(value: number, digits = 0): string {
  return value.toLocaleString("nl-NL", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A count of things, in words up to twelve: "twee projecten", "één mijlpaal", "15 leden". */
export function countNl(n: number, one: string, many: string): string {
  return `${WORDS[n] ?? nlNumber(n)} ${n === 1 ? one : many}`;
}

/** A fraction 0–1 as a whole percentage: 0.256 → "26 %". */
export function nlPercent(fraction: number): string {
  return `${nlNumber(Math.round(fraction * 100))} %`;
}

/** An amount in euros: € 345.000, or € 2,6 mln from a million on. */
export function nlEuro(value: number): string {
  return Math.abs(value) >= 1e6 ? `€ ${nlNumber(value / 1e6, 1)} mln` : `€ ${nlNumber(value)}`;
}

/** An ISO date (2024-12-31) as 31-12-2024. */
export function nlDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

/** A period of months in words: "een half jaar", "een jaar", "drie maanden". */
export function monthsNl(months: number): string {
  if (months === 6) return "een half jaar";
  if (months === 12) return "een jaar";
  return months === 1 ? "een maand" : countNl(months, "maand", "maanden");
}

/** The sentence with its first letter in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
