import type { ColumnSpec, FileSpec } from "../../contract/index.ts";
import { constantLikely, fileNameHints, headerHints, personalHeaderWords } from "./hints.ts";
import type { HeaderProfile } from "./profile.ts";

/** A header that looks like a contract column, with how much (0–1) and why, in Dutch. */
export interface Candidate {
  readonly header: string;
  readonly index: number;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface ColumnGuess {
  readonly column: ColumnSpec;
  /** The headers that look like it most, with a reason, best first (at most three). */
  readonly candidates: readonly Candidate[];
  /** The header proposed for it (each header is proposed for one column at most). */
  readonly chosen?: Candidate;
}

export interface FileGuess {
  readonly spec: FileSpec;
  readonly columns: readonly ColumnGuess[];
  /** How well the file fits the export (0–1): its required columns' scores, and its name. */
  readonly fit: number;
}

/** Scores from this value on are proposed; from LISTED on they are shown as look-alikes. */
export const PROPOSE = 0.45;
const LISTED = 0.3;

/** Lower case, without accents, words separated by single spaces. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function bigrams(text: string): string[] {
  const s = text.replace(/ /g, "");
  return Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
}

/** Dice's coefficient of two texts' letter pairs (0–1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return a === b ? 1 : 0;
  const rest = [...y];
  let common = 0;
  for (const pair of x) {
    const i = rest.indexOf(pair);
    if (i >= 0) {
      common++;
      rest.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** True for headers of contact persons' data (names, e-mail, phone): never proposed. */
export function isPersonalHeader(header: string): boolean {
  const padded = ` ${normalise(header)} `;
  return personalHeaderWords.some((w) => padded.includes(` ${w} `));
}

/** How much a header's name looks like a column's name, aliases or usual names (0–1). */
export function nameScore(column: ColumnSpec, header: string): number {
  const h = normalise(header);
  const words = new Set(h.split(" "));
  const names = [column.name, ...column.aliases, ...(headerHints[column.name] ?? [])].map(
    normalise,
  );
  let best = 0;
  for (const name of names) {
    if (name === h) return 1;
    const inside = name.split(" ").every((w) => words.has(w)) ? 0.8 : 0;
    best = Math.max(best, inside, similarity(name, h) * 0.8);
  }
  return best;
}

const categorical = (p: HeaderProfile) =>
  p.distinct <= 30 && p.idLike < 0.5 && p.date < 0.5 && p.number < 0.5;

/**
 * How much a header's first values look like a column's values (0–1), why, and whether that is
 * telling on its own (dates, yes/no words, codes, known values) or only alongside a name.
 */
function valueScore(column: ColumnSpec, p: HeaderProfile): [number, string, boolean] {
  if (p.filled === 0) return [0.25, "geen waarden in de eerste rijen", false];
  switch (column.type) {
    case "date":
      return [p.date, "waarden zijn datums", true];
    case "number":
      return [p.number, "waarden zijn getallen", true];
    case "integer":
      return [p.year, "waarden zijn jaartallen", true];
    case "municipality":
      return [p.municipality, "waarden zijn gemeentecodes", true];
    case "boolean":
      return p.boolean >= 0.6
        ? [p.boolean, "waarden zijn ja/nee", true]
        : [p.distinct <= 2 ? 0.6 : 0, "twee verschillende waarden", false];
    case "list":
    case "vocabulary": {
      const share = p.vocabulary[column.vocabulary!];
      return share >= 0.5
        ? [share, `waarden zijn ${column.name}-waarden`, true]
        : [categorical(p) ? 0.5 : share, "weinig verschillende waarden", false];
    }
    case "text":
      return column.name.endsWith("_id")
        ? [p.idLike, "waarden lijken codes", true]
        : [p.letters * (1 - p.date), "waarden zijn tekst", false];
  }
}

const TYPED = new Set(["date", "number", "integer", "municipality", "boolean"]);

/** How much a header looks like a contract column (0–1), by its name and its first values. */
export function score(column: ColumnSpec, p: HeaderProfile): Candidate {
  const base = { header: p.header, index: p.index };
  if (isPersonalHeader(p.header) || p.personal > 0.3) return { ...base, score: 0, reasons: [] };
  const name = nameScore(column, p.header);
  const [value, why, telling] = valueScore(column, p);
  let s: number;
  if (column.type === "text") s = name * (0.6 + 0.4 * value);
  else s = 0.5 * name + 0.5 * value;
  if (TYPED.has(column.type) && p.filled > 0 && value < 0.5) s *= 0.3;
  const named = name >= 0.6;
  const reasons = [
    ...(named ? ["naam lijkt erop"] : []),
    ...(value >= 0.5 && p.filled > 0 && (named || telling) ? [why] : []),
  ];
  return { ...base, score: Math.round(s * 100) / 100, reasons };
}

/**
 * Guesses which header is which contract column: required columns first, best score first,
 * each header for one column at most, only from PROPOSE on.
 */
export function guessFile(
  spec: FileSpec,
  profiles: readonly HeaderProfile[],
  fileName: string,
): FileGuess {
  const scored = spec.columns.map((column) => ({
    column,
    all: profiles.map((p) => score(column, p)).sort((a, b) => b.score - a.score),
  }));
  const chosen = new Map<string, Candidate>();
  const taken = new Set<number>();
  for (const required of [true, false]) {
    const pairs = scored
      .filter((s) => s.column.required === required)
      .flatMap((s) => s.all.filter((c) => c.score >= PROPOSE).map((c) => ({ ...s, c })))
      .sort((a, b) => b.c.score - a.c.score);
    for (const { column, c } of pairs) {
      if (chosen.has(column.name) || taken.has(c.index)) continue;
      chosen.set(column.name, c);
      taken.add(c.index);
    }
  }
  const columns = scored.map(({ column, all }) => {
    const pick = chosen.get(column.name);
    return {
      column,
      candidates: all.filter((c) => c.score >= LISTED && c.reasons.length).slice(0, 3),
      ...(pick ? { chosen: pick } : {}),
    };
  });
  const counted = columns.filter(
    (g) => g.column.required && !constantLikely.includes(g.column.name),
  );
  const mean = counted.reduce((sum, g) => sum + (g.chosen?.score ?? 0), 0) / (counted.length || 1);
  const named = fileNameHints[spec.key].some((w) => normalise(fileName).includes(w)) ? 0.1 : 0;
  return { spec, columns, fit: Math.min(1, mean + named) };
}
