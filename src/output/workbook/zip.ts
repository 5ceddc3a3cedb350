/**
 * A small zip writer for the workbook: deflated entries (Node's zlib, in parallel blocks off the
 * main thread: deflate-blocks.ts), one
 * fixed date on every entry (byte-stable files), no data descriptors and no ZIP64 (a part or the
 * file beyond 4 GB is refused). Each entry's compressed bytes are kept in memory until the entry
 * ends (the largest sheet deflates to a few MB), so that its local header carries the real
 * sizes and CRC before the data.
 */
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { BlockDeflater, crc32 } from "./deflate-blocks.ts";
import { dosDateTime } from "./zip-dates.ts";

/** Deflate level: 1 is what exceljs used (same file size) and the fastest. */
export const DEFLATE_LEVEL = 1;

const LIMIT = 0xffffffff;
const UTF8_NAMES = 1 << 11;

interface Entry {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/** One entry being written: `write` its bytes in order (kept by reference), then `end` it. */
export interface ZipEntry {
  write(data: string | readonly Uint8Array[]): Promise<void>;
  end(): Promise<void>;
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private busy = false;

  private constructor(
    private readonly file: FileHandle,
    private readonly stamp: Buffer,
  ) {}

  /** Creates (or truncates) the zip file at `path`; every entry is dated `isoDate` 00:00. */
  static async create(path: string, isoDate: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, "w"), dosDateTime(isoDate));
  }

  /** Adds a small entry in one piece. */
  async add(name: string, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const deflated = deflateRawSync(bytes, { level: DEFLATE_LEVEL });
    await this.put(name, crc32(bytes), bytes.length, [deflated]);
  }

  /** Adds an entry already deflated (a sheet copied from an earlier workbook: zip-read.ts). */
  async addDeflated(
    name: string,
    entry: { crc: number; size: number; data: Buffer },
  ): Promise<void> {
    await this.put(name, entry.crc, entry.size, [entry.data]);
  }

  /** Starts an entry written in pieces; entries are written one after another. */
  entry(name: string): ZipEntry {
    if (this.busy) throw new Error("zip: vorige part is nog niet af");
    this.busy = true;
    const deflater = new BlockDeflater(DEFLATE_LEVEL);
    return {
      write: (data) => deflater.write(typeof data === "string" ? [Buffer.from(data)] : data),
      end: async () => {
        const deflated = await deflater.end();
        this.busy = false;
        await this.put(name, deflater.crc, deflater.size, deflated);
      },
    };
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    try {
      const parts: Buffer[] = [];
      for (const e of this.entries) {
        const head = Buffer.alloc(46);
        head.writeUInt32LE(0x02014b50, 0);
        head.writeUInt16LE(20, 4); // made by: version 2.0
        head.writeUInt16LE(20, 6); // needed to extract: 2.0 (deflate)
        head.writeUInt16LE(UTF8_NAMES, 8);
        head.writeUInt16LE(8, 10); // deflate
        this.stamp.copy(head, 12);
        head.writeUInt32LE(e.crc, 16);
        head.writeUInt32LE(e.compressed, 20);
        head.writeUInt32LE(e.size, 24);
        head.writeUInt16LE(e.name.length, 28);
        head.writeUInt32LE(e.offset, 42);
        parts.push(head, e.name);
      }
      const dir = Buffer.concat(parts);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.entries.length, 8);
      end.writeUInt16LE(this.entries.length, 10);
      end.writeUInt32LE(dir.length, 12);
      end.writeUInt32LE(check(this.offset), 16);
      await this.writeAll(Buffer.concat([dir, end]));
    } finally {
      await this.file.close();
    }
  }

  /** Closes the file after an error (the caller removes or ignores it). */
  async abort(): Promise<void> {
    await this.file.close();
  }

  private async writeAll(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      done += (await this.file.write(bytes, done, bytes.length - done)).bytesWritten;
    }
  }

  private async put(name: string, crc: number, size: number, data: Buffer[]): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = data.reduce((n, b) => n + b.length, 0);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(UTF8_NAMES, 6);
    head.writeUInt16LE(8, 8);
    this.stamp.copy(head, 10);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(check(compressed), 18);
    head.writeUInt32LE(check(size), 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const offset = check(this.offset);
    await this.writeAll(Buffer.concat([head, nameBytes, ...data]));
    this.offset += head.length + nameBytes.length + compressed;
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
  }
}

function check(n: number): number {
  if (n >= LIMIT) throw new Error("werkmap: groter dan 4 GB; ZIP64 wordt niet ondersteund");
  return n;
}
