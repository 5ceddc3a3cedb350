import type { FactorSpelling } from "./survey-spec.ts";
import { weightedPicker, type Random } from "./random.ts";

/** A normally distributed draw (Box–Muller) with the given spread around 0. */
export function normal(random: Random, spread: number): number {
  const u = 1 - random.next();
  const v = random.next();
  return spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A whole score on [1, max] around a mean, or null (not answered) with the given chance. */
export function score(random: Random, mean: number, spread: number, max: number, empty: number) {
  if (random.chance(empty)) return null;
  return Math.min(max, Math.max(1, Math.round(mean + normal(random, spread))));
}

/** How one network's respondents tend to answer a multiple-choice question: a weight per value. */
export type FactorTaste = ReadonlyMap<string, number>;

/** A network's taste: a few values it names often, the rest now and then. */
export function factorTaste(random: Random, vocabulary: readonly FactorSpelling[]): FactorTaste {
  const favourites = new Set(random.sample(vocabulary, 3).map((f) => f.value));
  return new Map(
    vocabulary.map((f) => [
      f.value,
      f.value === "overig" ? 1 : (favourites.has(f.value) ? 8 : 1) + random.int(0, 4),
    ]),
  );
}

/** Drift a taste a little between rounds, so rankings change from round to round. */
export function driftTaste(random: Random, taste: FactorTaste): FactorTaste {
  return new Map([...taste].map(([value, w]) => [value, Math.max(1, w + random.int(-2, 2))]));
}

const listLength = weightedPicker({ 0: 14, 1: 33, 2: 33, 3: 20 });

/** How one round's survey tool writes a multiple-choice answer. */
export interface ListStyle {
  /** `;` (Microsoft Forms) or `|` (LimeSurvey). */
  readonly separator: ";" | "|";
}

/** The canonical values one respondent picks (distinct). */
export function pickFactors(random: Random, taste: FactorTaste): string[] {
  const pick = weightedPicker(Object.fromEntries(taste) as Record<string, number>);
  const wanted = Number(listLength(random));
  const picked = new Set<string>();
  for (let attempt = 0; attempt < wanted * 4 && picked.size < wanted; attempt++)
    picked.add(pick(random));
  return [...picked];
}

function spell(random: Random, vocabulary: readonly FactorSpelling[], value: string): string {
  const entry = vocabulary.find((f) => f.value === value);
  const text =
    entry && entry.aliases.length > 0 && random.chance(0.35) ? random.pick(entry.aliases) : value;
  return random.chance(0.12) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The field text of a list as a survey tool exports it: aliases now and then, the round's
 * separator (sometimes the other one as well), a trailing separator or a repeated value at times.
 */
export function listText(
  random: Random,
  vocabulary: readonly FactorSpelling[],
  values: readonly string[],
  style: ListStyle,
): string | null {
  if (values.length === 0) return null;
  const parts = values.map((v) => spell(random, vocabulary, v));
  if (random.chance(0.04)) parts.push(spell(random, vocabulary, values[0] as string));
  const other = style.separator === ";" ? "|" : ";";
  let text = parts[0] as string;
  for (const part of parts.slice(1))
    text +=
      (random.chance(0.06) ? other : style.separator) + (random.chance(0.2) ? " " : "") + part;
  if (random.chance(0.1)) text += style.separator;
  return text;
}
