import type { FileKey } from "../../contract/index.ts";

/** One file's entry of mapping.json, validated (spec/contract.md, "mapping.json"). */
export interface MappingEntry {
  readonly key: FileKey;
  /** A file name or glob (`*`, `?`), matched case-insensitively; absent: the contract's names. */
  readonly file?: string;
  /** The sheet to read when the file is a workbook (.xlsx); absent: its first visible sheet. */
  readonly sheet?: string;
  /**
   * Contract column → the export's header. When present, only these headers are read: every
   * other header of the file is ignored and never loaded.
   */
  readonly columns?: ReadonlyMap<string, string>;
  /** Contract column → (value key, see `valueKey`) → the contract value as text. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Contract column → the value every row gets, as text. */
  readonly constants: ReadonlyMap<string, string>;
}

/** A validated mapping.json. */
export interface Mapping {
  /** The mapping file's name, as messages name it (`mapping.json`). */
  readonly name: string;
  /** Where it was read from (set by `loadMapping`). */
  readonly path?: string;
  readonly entries: ReadonlyMap<FileKey, MappingEntry>;
}

/** The path of an entry in messages: `mapping.json → attendance → columns → event_date`. */
export function entryPath(mappingName: string, ...parts: readonly string[]): string {
  return [mappingName, ...parts].join(" → ");
}
