import { createReadStream } from "node:fs";

export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** Thrown while streaming when a file declared or assumed UTF-8 turns out not to be. */
export class NotUtf8Error extends Error {
  constructor() {
    super("not valid UTF-8");
  }
}

/** The encoding a byte order mark announces, if any. */
export function bomEncoding(head: Uint8Array): Encoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * Streams a file as decoded text chunks. UTF-8 is decoded strictly: an invalid byte raises
 * NotUtf8Error, and the caller reads the file again as Windows-1252. A BOM is dropped.
 */
export async function* decodeFile(
  path: string,
  encoding: Encoding,
  chunkBytes = 1 << 20,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new NotUtf8Error();
      }
      if (text) yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new NotUtf8Error();
    }
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/** Reads the first bytes of a file. */
export async function readHead(path: string, bytes = 4): Promise<Uint8Array> {
  const stream = createReadStream(path, { start: 0, end: bytes - 1 });
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}
