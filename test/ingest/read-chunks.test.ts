import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prescanFile } from "../../src/ingest/fast-read.ts";
import { Prescanner } from "../../src/ingest/prescan.ts";
import { readChunks } from "../../src/ingest/read-chunks.ts";
import { tempDir } from "../helpers.ts";

describe("reading a file in pieces into one buffer", () => {
  it("hands over every byte in order, in pieces of the given size", async () => {
    const path = join(tempDir(), "bytes.bin");
    const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
    writeFileSync(path, content);
    const pieces: Buffer[] = [];
    await readChunks(path, (bytes) => void pieces.push(Buffer.from(bytes)), 64);
    expect(pieces.map((p) => p.length)).toEqual([...Array(15).fill(64), 40]);
    expect(Buffer.concat(pieces).equals(content)).toBe(true);
  });

  it("stops when the reader returns false", async () => {
    const path = join(tempDir(), "bytes.bin");
    writeFileSync(path, Buffer.alloc(500, 65));
    let seen = 0;
    await readChunks(path, (bytes) => (seen += bytes.length) < 200, 100);
    expect(seen).toBe(200);
  });
});

describe("the prescan over pieces that cut characters", () => {
  const csv = "naam,plaats\nCoöperatie Slimmer Leven,’s-Hertogenbosch\n€ fonds,Zoë\n";

  it("accepts UTF-8 whose characters straddle every possible cut", async () => {
    const path = join(tempDir(), "utf8.csv");
    writeFileSync(path, csv);
    for (const size of [1, 2, 3, 5, 7, 1 << 16]) {
      const scan = await prescanFile(path, new Prescanner(",", 2, 1, false), size);
      expect(scan, `pieces of ${size} bytes`).toMatchObject({ good: 2, rowsRead: 2 });
    }
  });

  it("finds invalid UTF-8 whether or not a cut falls inside it", async () => {
    const path = join(tempDir(), "latin1.csv");
    writeFileSync(path, Buffer.from(csv.replace("ö", "\u0000"), "utf8").fill(0xf6, 14, 15));
    for (const size of [1, 3, 14, 15, 1 << 16]) {
      const scan = await prescanFile(path, new Prescanner(",", 2, 1, false), size);
      expect(scan, `pieces of ${size} bytes`).toBeUndefined();
    }
  });
});
