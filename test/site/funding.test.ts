// site_funding (src/site/funding.ts): the page Verduurzaming & financiering fetches its scope's
// funding sums (data/financiering/<key>.json) instead of every network's funding_by_source rows,
// and shows the same numbers, to the last bit: for every scope of the selector the rows that
// the page's components make from the file equal those they made from funding_by_source.arrow.
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scopePayload, sitePayload } from "../../loaders/site-cache.js";
// @ts-expect-error: a page component, plain JavaScript without types
import { rowsOf } from "../../docs/components/arrow.js";
// @ts-expect-error: a page component, plain JavaScript without types
import * as money from "../../docs/components/funding.js";
import { ALL_KEY } from "../../src/site/index.ts";
import { join } from "node:path";
import { tempDir } from "../helpers.ts";

const AS_OFS = ["2026-09-30", "2024-02-29"] as const;
/** The loaders' settings this file changes; restored after it, for the files after it. */
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

type Meta = { networks: { name: string; slug: string }[] };

describe.each(AS_OFS)("site_funding at %s", (asOf) => {
  it("gives every scope the rows the page made from funding_by_source, value for value", async () => {
    const { db, out } = inject("sample")[asOf];
    process.env.REGIOMONITOR_DB = db;
    process.env.REGIOMONITOR_OUT = out;
    const meta = JSON.parse((await sitePayload("meta.json", db)).toString("utf8")) as Meta;
    const funding = rowsOf(tableFromIPC(await sitePayload("funding_by_source.arrow", db)));
    expect(funding.length).toBeGreaterThan(10);
    const scopes = [
      { scope: "alle", key: ALL_KEY },
      ...meta.networks.map((n) => ({ scope: n.name, key: n.slug })),
    ];
    let networksWithFunding = 0;
    for (const { scope, key } of scopes) {
      const file = JSON.parse(await scopePayload("financiering", key, db));
      const before = money.fundingRows(funding, meta, scope);
      expect(money.scopeFundingRows(file, meta), key).toEqual(before);
      expect(money.scopeStructuralRows(file), key).toEqual(money.structuralRows(funding, scope));
      // One row per year and source, and per year and kind: the page adds nothing up any more.
      expect(file.by_source.length, key).toBe(before.length);
      if (scope !== "alle" && before.length > 0) networksWithFunding += 1;
    }
    expect(networksWithFunding).toBeGreaterThan(1);
    // "alle" is every network's funding (and that of projects without a network).
    const all = JSON.parse(await scopePayload("financiering", ALL_KEY, db));
    const total = (rows: { amount_eur: number }[]) => rows.reduce((s, r) => s + r.amount_eur, 0);
    expect(total(all.by_kind)).toBeCloseTo(total(funding), 2);
    expect(total(all.by_source)).toBeCloseTo(total(funding), 2);
  });
});
