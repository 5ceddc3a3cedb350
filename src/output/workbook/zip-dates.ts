/**
 * Byte-stable workbooks: exceljs hands every part to archiver without a date, and archiver then
 * stamps each zip entry with the current time (DOS date and time, in the local file header and
 * again in the central directory). This post-pass overwrites those four bytes of every entry with
 * one fixed date, so that two refreshes of the same data give identical files. It rewrites only
 * those bytes in place; nothing else in the zip depends on them (the CRC covers the data only).
 */
import { open } from "node:fs/promises";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The DOS date and time (little-endian, time then date) of an ISO date at 00:00. */
export function dosDateTime(iso: string): Buffer {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  if (!(year >= 1980 && year <= 2107)) throw new Error(`zip: datum buiten bereik: ${iso}`);
  const out = Buffer.alloc(4);
  out.writeUInt16LE(0, 0);
  out.writeUInt16LE(((year - 1980) << 9) | (month << 5) | day, 2);
  return out;
}

/** Sets the date of every entry of the zip file at `path` to `iso` (00:00). */
export async function fixZipDates(path: string, iso: string): Promise<number> {
  const stamp = dosDateTime(iso);
  const file = await open(path, "r+");
  try {
    const { size } = await file.stat();
    // The end-of-central-directory record is the last 22 bytes plus a comment of ≤ 65535.
    const tailSize = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailSize);
    await file.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`zip: geen centrale map gevonden in ${path}`);
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || dirOffset === 0xffffffff) {
      throw new Error(`zip: ZIP64 wordt niet ondersteund (${path})`);
    }
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    const local = Buffer.alloc(4);
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (dir.readUInt32LE(at) !== CENTRAL)
        throw new Error(`zip: centrale map onleesbaar (${path})`);
      stamp.copy(dir, at + 12);
      const offset = dir.readUInt32LE(at + 42);
      await file.read(local, 0, 4, offset);
      if (local.readUInt32LE(0) !== LOCAL) throw new Error(`zip: lokale kop onleesbaar (${path})`);
      await file.write(stamp, 0, 4, offset + 10);
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    await file.write(dir, 0, dirSize, dirOffset);
    return entries;
  } finally {
    await file.close();
  }
}
