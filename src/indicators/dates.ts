/** One reference date (peildatum) of the series, with the dates its windows need. */
export interface ReferenceDate {
  /** 1 … n, oldest first; n is as_of. */
  readonly idx: number;
  readonly d: string;
  /** The reference date before d; for the first, d minus 3 months. */
  readonly prev: string;
  /** d minus 12 months: the 12-month window is (d12, d]. */
  readonly d12: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Adds months to an ISO date, clamping to the month's end (31-05 − 3 months = 28/29-02). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The calendar-quarter ends strictly before a date, latest first. */
function quarterEndsBefore(date: string, count: number): string[] {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const ends: string[] = [];
  let year = y;
  let quarter = Math.ceil(m / 3);
  while (ends.length < count) {
    const month = quarter * 3;
    const end = iso(year, month, daysInMonth(year, month));
    if (end < date) ends.push(end);
    quarter--;
    if (quarter === 0) {
      quarter = 4;
      year--;
    }
  }
  return ends;
}

/**
 * The reference dates of spec/indicators.md: the `quarters` calendar-quarter ends strictly before
 * as_of, and as_of itself, oldest first.
 */
export function referenceDates(asOf: string, quarters = 11): ReferenceDate[] {
  const dates = [...quarterEndsBefore(asOf, quarters).reverse(), asOf];
  return dates.map((d, i) => ({
    idx: i + 1,
    d,
    prev: i === 0 ? addMonths(d, -3) : dates[i - 1]!,
    d12: addMonths(d, -12),
  }));
}
