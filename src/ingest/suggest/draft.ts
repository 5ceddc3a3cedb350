import { constantLikely } from "./hints.ts";
import type { Candidate } from "./guess.ts";
import type { ExportSuggestion, FolderSuggestion } from "./suggest.ts";

/**
 * The value a draft leaves for the analyst to fill in: an empty string. The JSON stays valid and
 * comment-free, and the refresh stops (exit 2) on every blank left, naming its entry.
 */
export const BLANK = "";

type Entry = Record<string, unknown>;

/** The draft entry of one export, or undefined when it needs none. */
function draftEntry(s: ExportSuggestion): Entry | undefined {
  const values = Object.fromEntries(
    [...s.blanks].map(([column, list]) => [
      column,
      Object.fromEntries(list.map((v) => [v, BLANK])),
    ]),
  );
  if (s.byContract) return s.blanks.size ? { values } : undefined;
  const columns: Record<string, string> = {};
  const constants: Record<string, string> = {};
  for (const { column, chosen } of s.guess?.columns ?? []) {
    if (chosen) columns[column.name] = chosen.header;
    else if (column.required && constantLikely.includes(column.name))
      constants[column.name] = BLANK;
    else if (column.required) columns[column.name] = BLANK;
  }
  return {
    file: s.group.file,
    columns,
    ...(s.blanks.size ? { values } : {}),
    ...(Object.keys(constants).length ? { constants } : {}),
  };
}

/** The draft mapping.json as a JSON value: one entry per export that needs one. */
export function draftMapping(folder: FolderSuggestion): Record<string, Entry> {
  const draft: Record<string, Entry> = {};
  for (const s of folder.exports) {
    const entry = draftEntry(s);
    if (entry) draft[s.spec.key] = entry;
  }
  return draft;
}

/** The blanks a draft leaves: headers, constants and values to fill in. */
export function countBlanks(draft: Record<string, Entry>): number {
  const count = (value: unknown): number =>
    value === BLANK
      ? 1
      : typeof value === "object" && value !== null
        ? Object.values(value).reduce<number>((sum, v) => sum + count(v), 0)
        : 0;
  return count(draft);
}

const candidateText = (c: Candidate) =>
  `"${c.header}"${c.reasons.length ? ` (${c.reasons.join(", ")})` : ""}`;

/**
 * The Dutch report of a suggestion: per export, for each required column the headers that look
 * like it (the proposed one first), and the values that still need a contract value.
 */
export function suggestionReport(folder: FolderSuggestion): string {
  const lines: string[] = [];
  for (const s of folder.exports) {
    const files = s.group.names.length > 1 ? ` (${s.group.names.length} bestanden)` : "";
    if (s.byContract) {
      if (!s.blanks.size) continue;
      lines.push(`${s.spec.file} ← ${s.group.file}: leest met de namen van het contract`);
    } else {
      lines.push(`${s.spec.file} ← ${s.group.file}${files}`);
      const required = (s.guess?.columns ?? []).filter((g) => g.column.required);
      const width = Math.max(...required.map((g) => g.column.name.length));
      for (const { column, candidates, chosen } of required) {
        const others = candidates.filter((c) => c.index !== chosen?.index);
        const list = [...(chosen ? [chosen] : []), ...others].map(candidateText).join(", ");
        const none = constantLikely.includes(column.name)
          ? "geen kop gevonden: geef in constants één waarde voor alle rijen"
          : "geen kop gevonden";
        lines.push(`  ${column.name.padEnd(width)}  ${list || none}`);
      }
    }
    for (const [column, values] of s.blanks) {
      lines.push(`  waarden van ${column} zonder contractwaarde: ${values.join(", ")}`);
    }
  }
  for (const group of folder.unplaced) {
    lines.push(`${group.file}: lijkt op geen enkele export van het contract`);
  }
  return lines.join("\n");
}
