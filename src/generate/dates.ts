/** Calendar dates as whole days since 1970-01-01 (UTC), so arithmetic never meets a time zone. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of an ISO date `2024-03-05`; throws on anything else or an impossible date. */
export function dayOf(iso: string): Day {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`generate: not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) throw new Error(`generate: impossible date: ${iso}`);
  return ms / MS_PER_DAY;
}

/** The ISO form `2024-03-05` of a day. */
export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOfYmd(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1 … 12. */
export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Add months, clamping to the month's end (31-01 + 1 month = 28/29-02). */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), last)) / MS_PER_DAY;
}

/** The first working day (Monday–Friday) on or after the day. */
export function workdayFrom(day: Day): Day {
  const weekday = weekdayOf(day);
  if (weekday === 6) return day + 2;
  if (weekday === 0) return day + 1;
  return day;
}
