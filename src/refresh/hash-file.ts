/**
 * The content hash of an export file for its fingerprint. A large file is hashed in two halves
 * at once, the second on a worker thread (SHA-256 is one core's work: the landelijk
 * attendance.csv, 609 MB, took 0,5 CPU-s of a refresh's comparing step), and its hash is the
 * SHA-256 of its size and the halves' hashes. The hash is only compared with the one a previous
 * refresh recorded, with the same program.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { CHUNK_BYTES, readChunks } from "../ingest/read-chunks.ts";

/** From this size on a file is hashed in two halves. */
export const SPLIT_BYTES = 64 << 20;

/** SHA-256 (hex) of the bytes [start, end) of a file. */
export async function hashRange(path: string, start: number, end: number): Promise<string> {
  const hash = createHash("sha256");
  await readChunks(path, (bytes) => void hash.update(bytes), undefined, { start, end });
  return hash.digest("hex");
}

/** hashRange on a worker thread (plain JavaScript: the same with or without a build step). */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { openSync, readSync, closeSync } = require("node:fs");
const { createHash } = require("node:crypto");
const { path, start, end, chunk } = workerData;
const hash = createHash("sha256");
const buffer = Buffer.allocUnsafe(Math.min(chunk, Math.max(1, end - start)));
const fd = openSync(path, "r");
try {
  for (let at = start; at < end; ) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    at += n;
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest("hex"));
`;

function hashRangeOnWorker(path: string, start: number, end: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { path, start, end, chunk: CHUNK_BYTES },
    });
    worker.once("message", (hex: string) => resolve(hex));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`hash: worker stopte met ${code}`));
    });
  });
}

/** The content hash of a file: SHA-256, or for `splitBytes` and more that of its two halves. */
export async function hashFile(path: string, splitBytes = SPLIT_BYTES): Promise<string> {
  const { size } = await stat(path);
  if (size < splitBytes) return hashRange(path, 0, size);
  const middle = Math.floor(size / 2);
  const [first, second] = await Promise.all([
    hashRange(path, 0, middle),
    hashRangeOnWorker(path, middle, size),
  ]);
  return createHash("sha256").update(`${size}\n${first}\n${second}`).digest("hex");
}
