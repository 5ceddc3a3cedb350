/**
 * Byte-stable workbooks: every zip entry carries one fixed date, the peildatum, as a DOS date and
 * time (zip.ts writes it in the local header and the central directory), so that two refreshes of
 * the same data give identical files.
 */

/** The DOS date and time (little-endian, time then date) of an ISO date at 00:00. */
export function dosDateTime(iso: string): Buffer {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  if (!(year >= 1980 && year <= 2107)) throw new Error(`zip: datum buiten bereik: ${iso}`);
  const out = Buffer.alloc(4);
  out.writeUInt16LE(0, 0);
  out.writeUInt16LE(((year - 1980) << 9) | (month << 5) | day, 2);
  return out;
}
