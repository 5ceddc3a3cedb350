import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ZipWriter } from "../../src/output/workbook/zip.ts";
import { readZipEntries } from "../../src/output/workbook/zip-read.ts";
import { tempDir } from "../helpers.ts";

/** A zip of three entries: two small ones and one written in pieces. */
async function sampleZip(path: string): Promise<void> {
  const zip = await ZipWriter.create(path, "2024-06-30");
  await zip.add("a.xml", "<a>één</a>");
  const entry = zip.entry("b/sheet.xml");
  for (let i = 0; i < 50; i++) await entry.write(`<row r="${i}">${"x".repeat(i * 40)}</row>`);
  await entry.end();
  await zip.add("c.txt", "c");
  await zip.close();
}

describe("readZipEntries", () => {
  it("reads back the deflated entries asked for, and a copy of them makes the same zip", async () => {
    const dir = tempDir();
    const first = join(dir, "first.zip");
    await sampleZip(first);
    const entries = await readZipEntries(first, new Set(["a.xml", "b/sheet.xml", "missing"]));
    expect([...entries.keys()]).toEqual(["a.xml", "b/sheet.xml"]);
    expect(inflateRawSync(entries.get("a.xml")!.data).toString("utf8")).toBe("<a>één</a>");
    expect(entries.get("b/sheet.xml")!.size).toBe(
      Array.from({ length: 50 }, (_, i) => `<row r="${i}">${"x".repeat(i * 40)}</row>`).join("")
        .length,
    );
    // The same parts, the middle one copied: byte for byte the first file.
    const second = join(dir, "second.zip");
    const zip = await ZipWriter.create(second, "2024-06-30");
    await zip.add("a.xml", "<a>één</a>");
    await zip.addDeflated("b/sheet.xml", entries.get("b/sheet.xml")!);
    await zip.add("c.txt", "c");
    await zip.close();
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
  });

  it("leaves out an entry whose bytes changed, and reads nothing from a file that is no zip", async () => {
    const dir = tempDir();
    const path = join(dir, "x.zip");
    await sampleZip(path);
    const bytes = readFileSync(path);
    const at = bytes.indexOf("b/sheet.xml") + "b/sheet.xml".length + 20;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(path, bytes);
    const entries = await readZipEntries(path, new Set(["a.xml", "b/sheet.xml", "c.txt"]));
    expect([...entries.keys()]).toEqual(["a.xml", "c.txt"]);
    writeFileSync(path, "geen zip");
    expect((await readZipEntries(path, new Set(["a.xml"]))).size).toBe(0);
    expect((await readZipEntries(join(dir, "absent.zip"), new Set(["a.xml"]))).size).toBe(0);
  });
});
