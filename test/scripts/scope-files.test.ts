// scripts/build/scope-files.js: the per-scope files that pages fetch by URL are copied from the
// loaders' cache into dist/data/<kind>/ in one step; on the refreshed sample they are exactly
// the files the config listed as routes before (loaders/site.ts sitePaths: `files`).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { filledCache } from "../../loaders/site-cache.js";
import { sitePaths } from "../../loaders/site.ts";
import { STATIC_KINDS, copyScopeFiles } from "../../scripts/build/scope-files.js";
import { tempDir } from "../helpers.ts";

const ENV = ["REGIOMONITOR_SITE_CACHE", "REGIOMONITOR_DB", "REGIOMONITOR_OUT"] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

beforeAll(() => {
  process.env.REGIOMONITOR_SITE_CACHE = join(tempDir(), "cache");
});
afterAll(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("copyScopeFiles", () => {
  it("copies every <kind>/<key>.json of the cache into dist/data/<kind>/, byte for byte", () => {
    const cache = tempDir();
    const dist = tempDir();
    mkdirSync(join(cache, "indicatoren"));
    mkdirSync(join(cache, "netwerk"));
    writeFileSync(join(cache, "indicatoren", "alle--netwerken.json"), '{"a":1}');
    writeFileSync(join(cache, "indicatoren", "x.json"), "[]");
    writeFileSync(join(cache, "netwerk", "x.json"), "{}");
    expect(copyScopeFiles(cache, dist, ["indicatoren"])).toEqual({ files: 2, bytes: 9 });
    expect(readdirSync(join(dist, "data"))).toEqual(["indicatoren"]);
    expect(readFileSync(join(dist, "data", "indicatoren", "alle--netwerken.json"), "utf8")).toBe(
      '{"a":1}',
    );
  });

  it("stops on a kind that the cache does not have: pages would fetch missing files", () => {
    expect(() => copyScopeFiles(tempDir(), tempDir(), ["indicatoren"])).toThrow(
      /no indicatoren files in the site cache/,
    );
  });

  it("writes, on the refreshed sample, exactly the files sitePaths lists", async () => {
    const { db, out } = inject("sample")["2026-09-30"];
    process.env.REGIOMONITOR_DB = db;
    process.env.REGIOMONITOR_OUT = out;
    const dist = tempDir();
    const { files } = copyScopeFiles(await filledCache(db), dist);
    const written = STATIC_KINDS.flatMap((kind) =>
      readdirSync(join(dist, "data", kind)).map((name) => `/data/${kind}/${name}`),
    ).sort();
    const { files: listed, paths } = await sitePaths(db);
    expect(written).toEqual([...listed].sort());
    expect(files).toBe(listed.length);
    expect(listed.some((f) => f.startsWith("/data/financiering/"))).toBe(true);
    expect(listed.some((f) => f.startsWith("/data/samenvatting/iza--"))).toBe(true);
    // The config builds only the pages per network and per IZA region.
    expect(paths.every((p) => /^\/(netwerk|iza)\/[^/]+$/.test(p))).toBe(true);
    expect(paths.filter((p) => p.startsWith("/netwerk/")).length).toBeGreaterThan(1);
    expect(paths.filter((p) => p.startsWith("/iza/")).length).toBeGreaterThan(1);
  });
});
