/**
 * Deflate in parallel blocks (as pigz does): the input is cut into blocks of exactly BLOCK_BYTES,
 * each deflated on its own on libuv's thread pool and ended with a sync flush (byte-aligned, not
 * final), the last one finished; their concatenation is one valid raw deflate stream. Several
 * blocks deflate at once, beside DuckDB and the main thread. The blocks depend on the bytes
 * only, never on how they were handed in, so the output is byte-stable. The CRC-32 and size
 * of the input are counted on the way, one block at a time.
 */
import { constants, crc32 as nodeCrc32, deflateRaw, type ZlibOptions } from "node:zlib";

/** Input bytes per block: large enough that restarting the dictionary costs nothing. */
export const BLOCK_BYTES = 1 << 20;
/** Blocks deflating at once (libuv's pool has four threads). */
const PARALLEL = 4;

let table: Int32Array | undefined;

/** CRC-32 of `data` continued from `crc` (zlib's when Node has it, from 20.15 on). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (typeof nodeCrc32 === "function") return nodeCrc32(data, crc);
  table ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Deflates on the thread pool; the result is copied out of zlib's (block-sized) output buffer. */
function deflate(data: Buffer, options: ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(Buffer.from(out)))),
  );
}

export class BlockDeflater {
  private readonly blocks: Promise<Buffer>[] = [];
  private awaited = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** CRC-32 of the input so far. */
  crc = 0;
  /** Bytes of input so far. */
  size = 0;

  constructor(private readonly level: number) {}

  /** Adds bytes (kept by reference until deflated); waits while PARALLEL blocks are deflating. */
  async write(pieces: readonly Uint8Array[]): Promise<void> {
    for (const piece of pieces) {
      this.pending.push(piece);
      this.pendingBytes += piece.byteLength;
    }
    while (this.pendingBytes >= BLOCK_BYTES) {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      this.start(all.subarray(0, BLOCK_BYTES), constants.Z_SYNC_FLUSH);
      this.pending = [all.subarray(BLOCK_BYTES)];
      this.pendingBytes = all.length - BLOCK_BYTES;
    }
    while (this.blocks.length - this.awaited > PARALLEL) await this.blocks[this.awaited++];
  }

  /** Deflates the rest as the final block; returns the deflated stream in pieces. */
  async end(): Promise<Buffer[]> {
    this.start(Buffer.concat(this.pending, this.pendingBytes), constants.Z_FINISH);
    this.pending = [];
    return Promise.all(this.blocks);
  }

  private start(block: Buffer, finishFlush: number): void {
    this.crc = crc32(block, this.crc);
    this.size += block.length;
    // One output buffer of a block's size: a block deflates in one go, with one callback.
    const options = { level: this.level, finishFlush, chunkSize: BLOCK_BYTES };
    const deflated = deflate(block, options);
    deflated.catch(() => undefined); // handled by end(); no unhandled rejection meanwhile
    this.blocks.push(deflated);
  }
}
