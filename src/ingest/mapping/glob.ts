/** A file-name glob (`*` any run of characters, `?` one character) as a case-insensitive RegExp. */
export function globRegExp(glob: string): RegExp {
  const body = [...glob.trim()]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "is");
}

/** True when a file name matches a glob, case-insensitively. */
export function matchesGlob(glob: string, name: string): boolean {
  return globRegExp(glob).test(name);
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/**
 * Name order for the files of one export: case-insensitive, with runs of digits compared as
 * numbers, so that `export-2.csv` comes before `export-10.csv`. Ties fall back to code units.
 */
export function byName(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
