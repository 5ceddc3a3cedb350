import { open } from "node:fs/promises";

/** The size of the one buffer readChunks reads a file into. */
export const CHUNK_BYTES = 1 << 24;

/**
 * Reads a file front to back in 16 MB pieces into one reused buffer and hands each piece to
 * `use`, which must not keep it (the next read overwrites it). Half the CPU of a read stream,
 * which allocates every chunk anew (bench/README.md, issue 12 round 3). `use` returns false to
 * stop early. `chunkBytes`: the piece size (tests use small ones); `range`: only the bytes
 * [start, end) of the file.
 */
export async function readChunks(
  path: string,
  use: (bytes: Buffer) => boolean | void,
  chunkBytes = CHUNK_BYTES,
  range?: { readonly start: number; readonly end: number },
): Promise<void> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let at = range?.start ?? 0;
    const end = range?.end ?? Infinity;
    while (at < end) {
      const want = Math.min(buffer.length, end - at);
      const { bytesRead } = await file.read(buffer, 0, want, range ? at : null);
      if (bytesRead === 0 || use(buffer.subarray(0, bytesRead)) === false) return;
      at += bytesRead;
    }
  } finally {
    await file.close();
  }
}
