// scripts/build/seed-loaders.js: before `observable build`, the outputs of the loaders that read
// the shared cache are written into Framework's cache, so Framework copies them instead of
// starting one process per file; a loader it does not recognise is left to Framework.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheLoaders, seedLoaderCache } from "../../scripts/build/seed-loaders.js";
import { STATIC_KINDS } from "../../scripts/build/scope-files.js";
import { tempDir } from "../helpers.ts";

const SITE_LOADER = (name: string) =>
  `import { sitePayload } from "../../loaders/site-cache.js";\n` +
  `process.stdout.write(await sitePayload("${name}"));\n`;
const SCOPE_LOADER = (kind: string, param: string) =>
  `import { paramOf, scopePayload } from "../../../loaders/site-cache.js";\n` +
  `process.stdout.write(await scopePayload("${kind}", paramOf("${param}")));\n`;

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** A docs folder with two whole-site loaders, two route loaders and an unrelated loader. */
function docsTree(): string {
  const docs = tempDir();
  write(join(docs, "data", "meta.json.js"), SITE_LOADER("meta.json"));
  write(join(docs, "data", "signals.arrow.js"), SITE_LOADER("signals.arrow"));
  write(join(docs, "netwerk", "data", "[netwerk].json.js"), SCOPE_LOADER("netwerk", "netwerk"));
  write(join(docs, "data", "projecten", "[lijst].json.js"), SCOPE_LOADER("projecten", "lijst"));
  write(join(docs, "data", "other.json.js"), "process.stdout.write('{}');\n");
  write(join(docs, "components", "chart.js"), "export const x = 1;\n");
  write(join(docs, ".observablehq", "cache", "data", "old.json.js"), SITE_LOADER("old.json"));
  return docs;
}

function siteCache(): string {
  const cache = tempDir();
  write(join(cache, "site", "meta.json"), '{"peildatum":"2025-09-30"}');
  write(join(cache, "site", "signals.arrow"), "ARROW1");
  write(join(cache, "netwerk", "a.json"), '{"a":1}');
  write(join(cache, "netwerk", "b-c.json"), '{"b":2}');
  write(join(cache, "projecten", "a.json"), "[]");
  return cache;
}

describe("cacheLoaders", () => {
  it("finds the loaders that print a file of the shared cache, by their source", () => {
    expect(cacheLoaders(docsTree())).toEqual([
      { target: "data/meta.json", site: "meta.json" },
      { target: "data/projecten/[lijst].json", kind: "projecten", param: "lijst" },
      { target: "data/signals.arrow", site: "signals.arrow" },
      { target: "netwerk/data/[netwerk].json", kind: "netwerk", param: "netwerk" },
    ]);
  });

  it("recognises every loader of the site that reads the shared cache", () => {
    const readers = filesUnder("docs")
      .filter((p) => p.endsWith(".js") && !p.startsWith(".observablehq"))
      .filter((p) => readFileSync(join("docs", p), "utf8").includes("loaders/site-cache.js"));
    expect(readers.length).toBeGreaterThanOrEqual(30);
    expect(cacheLoaders("docs")).toHaveLength(readers.length);
  });
});

describe("seedLoaderCache", () => {
  it("writes each loader's output where Framework looks for it, byte for byte", () => {
    const framework = tempDir();
    const before = Date.now();
    const result = seedLoaderCache(siteCache(), docsTree(), framework, ["projecten"]);
    expect(result).toEqual({ files: 4, missing: [] });
    expect(filesUnder(framework)).toEqual([
      join("data", "meta.json"),
      join("data", "signals.arrow"),
      join("netwerk", "data", "a.json"),
      join("netwerk", "data", "b-c.json"),
    ]);
    expect(readFileSync(join(framework, "netwerk", "data", "b-c.json"), "utf8")).toBe('{"b":2}');
    expect(readFileSync(join(framework, "data", "signals.arrow"), "utf8")).toBe("ARROW1");
    // Newer than the loader, so that Framework takes it as fresh and does not run the loader.
    expect(statSync(join(framework, "data", "meta.json")).mtimeMs).toBeGreaterThanOrEqual(
      before - 1000,
    );
  });

  it("leaves a loader to Framework when the shared cache has no file for it", () => {
    const docs = docsTree();
    write(join(docs, "data", "new.json.js"), SITE_LOADER("new.json"));
    write(join(docs, "iza", "data", "[regio].json.js"), SCOPE_LOADER("iza-regio", "regio"));
    const framework = tempDir();
    const result = seedLoaderCache(siteCache(), docs, framework, STATIC_KINDS);
    expect(result).toEqual({ files: 4, missing: ["data/new.json", "iza/data/[regio].json"] });
    expect(readdirSync(join(framework, "data")).sort()).toEqual(["meta.json", "signals.arrow"]);
  });
});
