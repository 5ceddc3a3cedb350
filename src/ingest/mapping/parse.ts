import {
  booleanOf,
  files as allFiles,
  vocabularies,
  vocabularyKey,
  vocabularyLookup,
  type ColumnSpec,
  type FileKey,
  type FileSpec,
} from "../../contract/index.ts";
import type { UnusableProblem } from "../../errors.ts";
import { entryPath, type Mapping, type MappingEntry } from "./types.ts";
import { contractText, isScalar, valueKey, type JsonScalar } from "./values.ts";

export interface ParsedMapping {
  /** Set when there are no problems. */
  readonly mapping?: Mapping;
  readonly problems: readonly UnusableProblem[];
}

const ENTRY_KEYS = ["file", "sheet", "columns", "values", "constants"];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Where a JSON.parse error is, as "regel L, kolom C", from the position in its message. */
function jsonPosition(text: string, message: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `regel ${lineCol[1]}, kolom ${lineCol[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return "aan het eind";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  return `regel ${line}, kolom ${before.length - before.lastIndexOf("\n")}`;
}

/** What a blank needs to become, for the message that asks to fill it in. */
function choices(column: ColumnSpec): string {
  if (column.type === "boolean") return "kies true of false";
  if (column.vocabulary) {
    const values = vocabularies[column.vocabulary].values.map((v) => v.value);
    return `kies uit ${values.join(", ")}`;
  }
  return `vul de waarde in die ${column.name} in het contract heeft`;
}

/** A problem with a value that must become a contract value, or undefined. */
function targetProblem(value: unknown, column: ColumnSpec): string | undefined {
  if (value === null || value === "") return `nog niet ingevuld (${choices(column)})`;
  if (!isScalar(value)) return "verwacht tekst, een getal of true/false";
  const text = contractText(value, column).trim();
  if (text === "") return `nog niet ingevuld (${choices(column)})`;
  if (column.vocabulary && !vocabularyLookup(column.vocabulary).has(vocabularyKey(text))) {
    return `"${text}" is geen waarde van ${column.name} (${choices(column)})`;
  }
  if (column.type === "boolean" && booleanOf(text) === undefined) {
    return `"${text}" is geen ja/nee-waarde (${choices(column)})`;
  }
  return undefined;
}

/**
 * Parses and validates the text of a mapping.json against the contract's files and columns.
 * Every problem is reported, each naming its entry (`mapping.json → attendance → columns →
 * event_date`); a blank ("" or null) that the analyst has not filled in yet is a problem too.
 */
export function parseMapping(
  text: string,
  name: string,
  specs: readonly FileSpec[] = allFiles,
): ParsedMapping {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        {
          file: name,
          message_nl: `geen geldige JSON (${jsonPosition(text, message)}): controleer komma's, aanhalingstekens en haakjes; commentaar is niet toegestaan`,
        },
      ],
    };
  }
  const keys = specs.map((s) => s.key).join(", ");
  if (!isObject(json)) {
    return {
      problems: [
        { file: name, message_nl: `verwacht een object met per bestand een sleutel (${keys})` },
      ],
    };
  }
  const problems: UnusableProblem[] = [];
  const entries = new Map<FileKey, MappingEntry>();
  for (const [key, value] of Object.entries(json)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      const hint = key.toLowerCase().endsWith(".csv") ? " (zonder .csv)" : "";
      problems.push({
        file: entryPath(name, key),
        message_nl: `onbekend bestand; gebruik ${keys}${hint}`,
      });
      continue;
    }
    const entry = parseEntry(spec, value, name, problems);
    if (entry) entries.set(spec.key, entry);
  }
  return problems.length ? { problems } : { mapping: { name, entries }, problems };
}

function parseEntry(
  spec: FileSpec,
  value: unknown,
  name: string,
  problems: UnusableProblem[],
): MappingEntry | undefined {
  const at = (...parts: string[]) => entryPath(name, spec.key, ...parts);
  const fail = (where: string, message_nl: string) => problems.push({ file: where, message_nl });
  if (!isObject(value)) {
    fail(at(), "verwacht een object met file, columns, values en/of constants");
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(value)) {
    if (!ENTRY_KEYS.includes(key))
      fail(at(key), "onbekende sleutel; gebruik file, sheet, columns, values of constants");
  }
  const column = (part: string, columnName: string): ColumnSpec | undefined => {
    const found = spec.columns.find((c) => c.name === columnName);
    if (!found) {
      const names = spec.columns.map((c) => c.name).join(", ");
      fail(
        at(part, columnName),
        `${spec.file} heeft geen kolom ${columnName} (kolommen: ${names})`,
      );
    }
    return found;
  };
  const section = (part: string): [string, unknown][] => {
    const raw = value[part];
    if (raw === undefined) return [];
    if (isObject(raw)) return Object.entries(raw);
    fail(at(part), "verwacht een object met contractkolommen als sleutels");
    return [];
  };

  let file: string | undefined;
  if (value.file !== undefined) {
    if (typeof value.file !== "string" || value.file.trim() === "") {
      fail(at("file"), 'verwacht een bestandsnaam of patroon, zoals "deelnemers-export-*.csv"');
    } else if (/[/\\]/.test(value.file)) {
      fail(at("file"), "alleen een bestandsnaam of patroon, zonder map");
    } else file = value.file.trim();
  }

  // `sheet` names the sheet of a workbook (.xlsx) to read; a CSV file has none and ignores it.
  let sheet: string | undefined;
  if (value.sheet !== undefined) {
    if (typeof value.sheet !== "string" || value.sheet.trim() === "") {
      fail(at("sheet"), 'verwacht de naam van een blad in de werkmap, zoals "Financiering"');
    } else sheet = value.sheet.trim();
  }

  const constants = new Map<string, string>();
  for (const [columnName, constant] of section("constants")) {
    const c = column("constants", columnName);
    if (!c) continue;
    const problem = targetProblem(constant, c);
    if (problem) fail(at("constants", columnName), problem);
    else constants.set(c.name, contractText(constant as JsonScalar, c));
  }

  let columns: Map<string, string> | undefined;
  if (value.columns !== undefined) columns = new Map();
  for (const [columnName, header] of section("columns")) {
    const c = column("columns", columnName);
    if (!c) continue;
    if (constants.has(c.name)) {
      fail(at("columns", columnName), "staat ook in constants; kies één van beide");
    } else if (header === null || (typeof header === "string" && header.trim() === "")) {
      const orElse = c.required
        ? "of geef de kolom één waarde voor alle rijen in constants"
        : "of haal de regel weg";
      fail(
        at("columns", columnName),
        `nog geen kop ingevuld: vul de kop uit het bestand in, ${orElse}`,
      );
    } else if (typeof header !== "string") {
      fail(at("columns", columnName), "verwacht de kop uit het bestand, als tekst");
    } else columns!.set(c.name, header.trim());
  }

  const values = new Map<string, Map<string, string>>();
  for (const [columnName, table] of section("values")) {
    const c = column("values", columnName);
    if (!c) continue;
    if (constants.has(c.name)) {
      fail(
        at("values", columnName),
        `${c.name} is een constante; geef in constants direct de contractwaarde`,
      );
      continue;
    }
    if (!isObject(table)) {
      fail(
        at("values", columnName),
        'verwacht een object: waarde in het bestand → contractwaarde, zoals { "Directeur": "bestuurder" }',
      );
      continue;
    }
    const lookup = new Map<string, string>();
    const firstRaw = new Map<string, string>();
    for (const [raw, target] of Object.entries(table)) {
      const where = at("values", columnName, `"${raw}"`);
      const key = valueKey(raw);
      const earlier = firstRaw.get(key);
      if (earlier !== undefined) {
        fail(
          where,
          `"${earlier}" en "${raw}" zijn dezelfde waarde (hoofdletters en spaties tellen niet)`,
        );
        continue;
      }
      firstRaw.set(key, raw);
      const problem = targetProblem(target, c);
      if (problem) fail(where, problem);
      else lookup.set(key, contractText(target as JsonScalar, c));
    }
    values.set(c.name, lookup);
  }
  if (problems.length > before) return undefined;
  return {
    key: spec.key,
    ...(file ? { file } : {}),
    ...(sheet ? { sheet } : {}),
    ...(columns ? { columns } : {}),
    values,
    constants,
  };
}
