/**
 * The boolean words of spec/contract.md ("Dialect"), compared case-insensitively after trimming.
 * An empty boolean is false as well. The SQL twin is the `rm_bool` macro, built from these lists.
 */
export const booleanWords = {
  true: ["ja", "j", "yes", "y", "true", "waar", "1", "x"],
  false: ["nee", "n", "no", "false", "onwaar", "0"],
} as const;

/** The boolean a word means, or undefined when it is no boolean word (empty is not checked). */
export function booleanOf(word: string): boolean | undefined {
  const key = word.trim().toLowerCase();
  if ((booleanWords.true as readonly string[]).includes(key)) return true;
  if ((booleanWords.false as readonly string[]).includes(key)) return false;
  return undefined;
}
