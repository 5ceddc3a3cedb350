import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashFile, hashRange } from "../../src/refresh/hash-file.ts";
import { tempDir } from "../helpers.ts";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

describe("hashFile", () => {
  // 3 MB and a bit: more than one 16 MB piece is not needed, an odd size is.
  const bytes = Buffer.from(Array.from({ length: 3_000_017 }, (_, i) => (i * 7919) % 251));
  const path = join(tempDir(), "export.csv");
  writeFileSync(path, bytes);

  it("is the SHA-256 of a file below the split size", async () => {
    expect(await hashFile(path)).toBe(sha256(bytes));
  });

  it("hashes a large file's halves at once, one on a worker thread", async () => {
    const middle = Math.floor(bytes.length / 2);
    const expected = sha256(
      `${bytes.length}\n${sha256(bytes.subarray(0, middle))}\n${sha256(bytes.subarray(middle))}`,
    );
    expect(await hashFile(path, 1_000_000)).toBe(expected);
    // Any changed byte in either half changes it.
    const changed = Buffer.from(bytes);
    changed[bytes.length - 1] = changed[bytes.length - 1]! ^ 1;
    const other = join(tempDir(), "export.csv");
    writeFileSync(other, changed);
    expect(await hashFile(other, 1_000_000)).not.toBe(expected);
  });

  it("hashes any range, the empty one included", async () => {
    expect(await hashRange(path, 10, 20)).toBe(sha256(bytes.subarray(10, 20)));
    expect(await hashRange(path, 5, 5)).toBe(sha256(""));
  });
});
