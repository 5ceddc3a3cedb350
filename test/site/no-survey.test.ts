/// <reference lib="dom" />
// The site without survey files (issue 14): the sample without survey_responses.csv and
// survey_relations.csv is refreshed, the loaders' payloads are computed from that refresh
// (loaders/site-fill.ts, as a build does), and the built pages (dist/) are opened in Chromium
// with every data file they ask for answered from those payloads (Playwright routing). The
// pages themselves are static: what a page shows comes only from its data files, so this is the
// site a build on that folder gives, for a refresh and a fill instead of a second site build
// (about 50 CPU-s). /enquete, /wederkerigheid and one network page must say "geen enquête
// aangeleverd" where survey values would be, never a zero, with no console error and axe 0.
// Needs dist/ (npm run build) and Chromium, like site.test.ts.
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { fill } from "../../loaders/site-fill.ts";
import { main } from "../../src/cli/main.ts";
import { tempDir } from "../helpers.ts";
import { axeViolations, checkCharts, openSite, visit } from "./browser.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));
const NETWORK = "slimmer-leven";
const PAGES = ["/enquete", "/wederkerigheid", `/netwerk/${NETWORK}`];
const SURVEY_FILE = /^(survey_responses|survey_relations|enquete|enquete_relaties)\./;

/** A zero shown as a value: "0", "0 %", "0,0 %" as a whole word, not a digit of 10 or 2024. */
const ZERO = /(?<![\d.,])0(?:,0+)?(?:\s?%)?(?![\d.,])/;

/**
 * The payload file (relative to the fill's folder) that a built data URL stands for, or null:
 * `/_file/data/meta.<hash>.json` → `site/meta.json`, `/_file/netwerk/data/<key>.<hash>.json` →
 * `netwerk/<key>.json`, `/data/<kind>/<key>.json` → `<kind>/<key>.json`.
 */
function payloadOf(pathname: string): string | null {
  const hashed = /^\/_file\/(data|netwerk\/data)\/([^/]+)\.[0-9a-f]{8}\.(json|arrow|csv)$/.exec(
    pathname,
  );
  if (hashed) return `${hashed[1] === "data" ? "site" : "netwerk"}/${hashed[2]}.${hashed[3]}`;
  const scoped = /^\/data\/([a-z-]+)\/([^/]+\.json)$/.exec(pathname);
  return scoped ? `${scoped[1]}/${scoped[2]}` : null;
}

describe("the site without survey files, in Chromium", () => {
  let browser: Browser;
  let server: StaticServer;
  let data = "";
  let payloads = "";
  let setupError: unknown = null;

  beforeAll(async () => {
    try {
      const sample = inject("sample").data;
      data = tempDir("regiomonitor-no-survey-");
      for (const name of readdirSync(sample)) {
        if (name.endsWith(".csv") && !SURVEY_FILE.test(name))
          copyFileSync(join(sample, name), join(data, name));
      }
      const out = join(data, "out");
      const db = join(data, "monitor.duckdb");
      const args = ["refresh", "--data", data, "--out", out, "--db", db];
      const status = await main(args, { output: () => {}, progress: () => {} });
      if (status !== 0) throw new Error(`refresh without survey files: exit ${status}`);
      payloads = join(data, "payloads");
      // The loaders read their database and outputs from the environment, as in a build.
      const saved = { REGIOMONITOR_DB: db, REGIOMONITOR_OUT: out };
      for (const [name, value] of Object.entries(saved)) {
        saved[name as keyof typeof saved] = process.env[name] ?? "";
        process.env[name] = value;
      }
      try {
        await fill(payloads, db);
      } finally {
        for (const [name, value] of Object.entries(saved)) {
          if (value === "") delete process.env[name];
          else process.env[name] = value;
        }
      }
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  }, 120_000);

  afterAll(() => {
    if (data) rmSync(data, { recursive: true, force: true });
  });

  it("computes the payloads of a refresh that has no survey", () => {
    if (setupError) throw setupError;
    const survey = JSON.parse(readFileSync(join(payloads, "site", "enquete.json"), "utf8"));
    expect(survey.delivered).toBe(false);
  });

  /** Answers every data file of the built site from the no-survey payloads. */
  const routeData = (served: string[], missing: string[]) => async (context: BrowserContext) => {
    await context.route(/\/(_file|data)\//, async (route) => {
      const { pathname } = new URL(route.request().url());
      const file = payloadOf(pathname);
      if (file && /\.(json|arrow|csv)$/.test(pathname)) {
        if (!existsSync(join(payloads, file))) {
          missing.push(pathname);
          return route.abort("failed");
        }
        served.push(file);
        return route.fulfill({ body: readFileSync(join(payloads, file)) });
      }
      return route.continue();
    });
  };

  it.concurrent.for(PAGES)(
    '%s at 1280 px: "geen enquête aangeleverd", no zero, no errors, axe 0',
    { timeout: 120_000 },
    async (path, { expect }) => {
      if (setupError) throw setupError;
      const served: string[] = [];
      const missing: string[] = [];
      let violations: string[] = [];
      let survey: SurveyView = { says: 0, values: [], charts: 0 };
      let empty: string[] = [];
      const result = await visit(
        browser,
        server.url,
        path,
        1280,
        async (page) => {
          empty = (await checkCharts(page, 0)).empty;
          survey = await page.evaluate(surveyView);
          violations = await axeViolations(page);
        },
        { setup: routeData(served, missing) },
      );
      expect(missing, "data files without a no-survey payload").toEqual([]);
      expect(served, "the survey payload comes from the refresh without survey").toContain(
        "site/enquete.json",
      );
      expect(result.errors, "console errors").toEqual([]);
      expect(result.failures, "failed requests").toEqual([]);
      expect(empty, "charts without marks").toEqual([]);
      expect(violations, "axe-core (WCAG 2.1 AA)").toEqual([]);
      expect(survey.says, '"geen enquête aangeleverd" on the page').toBeGreaterThan(0);
      expect(survey.values.length, "survey elements on the page").toBeGreaterThan(0);
      expect(survey.charts, "survey charts drawn from no survey").toBe(0);
      expect(
        survey.values.filter((text) => ZERO.test(text)),
        "a zero where a survey value would be",
      ).toEqual([]);
      expect(
        survey.values.filter((text) => !/geen enquête aangeleverd/i.test(text)),
        "survey elements that do not say there is no survey",
      ).toEqual([]);
    },
  );
});

/** What the page shows where survey values would be. */
interface SurveyView {
  /** How often the page says "geen enquête aangeleverd". */
  says: number;
  /** The text of each survey element: the "ervaren" cells and the survey cards. */
  values: string[];
  /** Charts inside the survey's part of the page. */
  charts: number;
}

/** Runs in the page: the survey's elements and their text (self-contained, see browser.ts). */
function surveyView(): SurveyView {
  const main = document.querySelector("main") as HTMLElement;
  const says = (main.innerText.match(/geen enquête aangeleverd/gi) ?? []).length;
  const cells = [...main.querySelectorAll("table.survey-profile tbody td:last-child")];
  const cards = [...main.querySelectorAll(".survey-empty")];
  const survey = [...main.querySelectorAll(".survey-card, .survey-empty")];
  return {
    says,
    values: [...cells, ...cards].map((e) => (e as HTMLElement).innerText.trim()),
    charts: survey.reduce((n, e) => n + e.querySelectorAll("svg[class^='plot']").length, 0),
  };
}
