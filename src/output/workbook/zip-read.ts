/**
 * Reads deflated entries back out of a zip that ZipWriter wrote (the previous refresh's
 * workbook), so that a sheet whose table did not change is copied, not rendered and deflated
 * again. Each entry is checked: inflated, its length and CRC-32 must be what the central
 * directory says; an entry that fails is left out (the caller then writes that sheet anew).
 */
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { crc32 } from "./deflate-blocks.ts";

/** A deflated entry as stored: its CRC-32, its inflated size and its deflated bytes. */
export interface StoredEntry {
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DEFLATE = 8;

/** The end-of-central-directory record's offset: the last one within a comment's reach. */
function endRecord(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END) return at;
  }
  return -1;
}

/** The deflated bytes of one central-directory entry, or undefined if it is not sound. */
function entryAt(zip: Buffer, central: number): StoredEntry | undefined {
  const method = zip.readUInt16LE(central + 10);
  const crc = zip.readUInt32LE(central + 16);
  const compressed = zip.readUInt32LE(central + 20);
  const size = zip.readUInt32LE(central + 24);
  const local = zip.readUInt32LE(central + 42);
  if (method !== DEFLATE || local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) {
    return undefined;
  }
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + compressed > zip.length) return undefined;
  const data = zip.subarray(start, start + compressed);
  try {
    const inflated = inflateRawSync(data);
    if (inflated.length !== size || crc32(inflated) >>> 0 !== crc) return undefined;
  } catch {
    return undefined;
  }
  return { crc, size, data };
}

/**
 * The sound deflated entries named in `names` of the zip file at `path`; an empty map when the
 * file is missing or not a zip.
 */
export async function readZipEntries(
  path: string,
  names: ReadonlySet<string>,
): Promise<Map<string, StoredEntry>> {
  const found = new Map<string, StoredEntry>();
  let zip: Buffer;
  try {
    zip = await readFile(path);
  } catch {
    return found;
  }
  const end = endRecord(zip);
  if (end < 0) return found;
  const count = zip.readUInt16LE(end + 10);
  let central = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count && central + 46 <= zip.length; i++) {
    if (zip.readUInt32LE(central) !== CENTRAL) break;
    const nameLength = zip.readUInt16LE(central + 28);
    const name = zip.toString("utf8", central + 46, central + 46 + nameLength);
    const entry = names.has(name) ? entryAt(zip, central) : undefined;
    if (entry) found.set(name, entry);
    central += 46 + nameLength + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
  }
  return found;
}
