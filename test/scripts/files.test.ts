// scripts/build/files.js: the built site's pages, as the page tests and `npm run weights` list them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOWNLOADS_FOLDER } from "../../scripts/build/downloads.js";
import { builtPages, lineOf } from "../../scripts/build/files.js";
import { tempDir } from "../temp.ts";

describe("builtPages", () => {
  it("gives every page's clean URL, sorted, without 404, assets and download files", () => {
    const dist = tempDir();
    const files = [
      "index.html",
      "404.html",
      "leden.html",
      "netwerk/slimmer-leven.html",
      "iza/index.html",
      "iza/404.html",
      "_file/data/meta.json",
      "_import/page.html",
      `${DOWNLOADS_FOLDER}/tabel.html`,
      "leden.json",
    ];
    for (const file of files) {
      mkdirSync(join(dist, file, ".."), { recursive: true });
      writeFileSync(join(dist, file), "");
    }
    expect(builtPages(dist)).toEqual([
      "/",
      "/iza/",
      "/iza/404",
      "/leden",
      "/netwerk/slimmer-leven",
    ]);
  });
});

describe("lineOf", () => {
  it("counts lines from 1", () => {
    expect(lineOf("a\nb\nc", 0)).toBe(1);
    expect(lineOf("a\nb\nc", 4)).toBe(3);
  });
});
