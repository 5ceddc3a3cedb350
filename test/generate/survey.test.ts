import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BARRIERS,
  SUCCESS_FACTORS,
  surveyFiles,
  type SurveyKey,
} from "../../src/generate/index.ts";
import { surveyRelations, surveyResponses, vocabularies } from "../../src/contract/index.ts";
import { generateRegio, readTable, type Table } from "./sample.ts";

/** One survey file, header names mapped back to canonical names (both dialects give one shape). */
function readSurvey(dir: string, key: SurveyKey, dialect: "plain" | "nl" = "plain"): Table {
  const spec = surveyFiles.find((f) => f.key === key)!;
  const text = readFileSync(join(dir, dialect === "nl" ? spec.dutchFile : spec.file), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    delimiter: dialect === "nl" ? ";" : ",",
    skipEmptyLines: true,
    transformHeader: (h) =>
      spec.columns.find((c) => c.name === h || c.aliases.includes(h))?.name ?? `?${h}`,
  });
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors[0]));
  return parsed.data;
}

const spellings = (vocabulary: typeof BARRIERS) =>
  new Map(
    vocabulary.flatMap((f) =>
      [f.value, ...f.aliases].map((a) => [a.toLowerCase().replace(/[\s_-]+/g, "_"), f.value]),
    ),
  );
const parts = (field: string) =>
  field
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

describe("generate: the partner survey of the regio set", () => {
  let dir = "";
  let responses: Table = [];
  let relations: Table = [];
  let members: Table = [];
  beforeAll(async () => {
    dir = (await generateRegio({ seed: 2026 })).dir;
    responses = readSurvey(dir, "survey_responses");
    relations = readSurvey(dir, "survey_relations");
    members = readTable(dir, "members");
  });

  it("writes the contract's own survey columns and vocabularies (one truth, no copy)", () => {
    expect(surveyFiles).toHaveLength(2);
    expect(surveyFiles[0]).toBe(surveyResponses);
    expect(surveyFiles[1]).toBe(surveyRelations);
    expect(BARRIERS).toBe(vocabularies.barrier.values);
    expect(SUCCESS_FACTORS).toBe(vocabularies.success_factor.values);
    // The header names the contract reads back: canonical in plain, first alias in nl.
    const header = readFileSync(join(dir, "survey_relations.csv"), "utf8").split("\n")[0];
    expect(header).toBe(surveyRelations.columns.map((c) => c.name).join(","));
  });

  /** The responses per network and round, in file order. */
  const rounds = () => {
    const map = new Map<string, Table>();
    for (const r of responses) {
      const key = `${r["network"]}|${r["round_on"]}`;
      map.set(key, [...(map.get(key) ?? []), r]);
    }
    return map;
  };
  const active = (network: string, day: string) =>
    new Set(
      members
        .filter((m) => m["network"] === network && (m["joined_on"] ?? "") <= day)
        .filter((m) => !m["left_on"] || (m["left_on"] ?? "") > day)
        .map((m) => m["organisation_id"]),
    );

  it("holds several yearly rounds per network, 30–90 % response apart from two small rounds", () => {
    const byNetwork = new Map<string, string[]>();
    for (const key of rounds().keys()) {
      const [network, day] = key.split("|") as [string, string];
      byNetwork.set(network, [...(byNetwork.get(network) ?? []), day]);
    }
    expect([...byNetwork.keys()].sort()).toEqual([
      "CIC West-Brabant",
      "Slimmer Leven",
      "Zorgpact Kopgroep",
    ]);
    for (const days of byNetwork.values()) {
      expect(days.length).toBe(5);
      expect(new Set(days.map((d) => d.slice(0, 4))).size).toBe(5);
    }
    const rates: number[] = [];
    const small: string[] = [];
    for (const [key, rows] of rounds()) {
      const [network, day] = key.split("|") as [string, string];
      const invited = active(network, day);
      const answered = new Set(rows.map((r) => r["organisation_id"]));
      if (answered.size < 5) small.push(key);
      else rates.push([...answered].filter((o) => invited.has(o)).length / invited.size);
    }
    // Zorgpact's latest round and CIC's first round are below the small-number rule of survey.md.
    expect(small.sort()).toEqual(["CIC West-Brabant|2022-09-22", "Zorgpact Kopgroep|2026-06-24"]);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.25);
    expect(Math.max(...rates)).toBeLessThanOrEqual(0.92);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.2);
  });

  it("rates about ten partners per respondent, with mutual pairs and an external party", () => {
    const perResponse = new Map<string, Set<string>>();
    for (const r of relations) {
      const set = perResponse.get(r["response_id"] ?? "") ?? new Set();
      set.add(r["partner_organisation_id"] ?? "");
      perResponse.set(r["response_id"] ?? "", set);
    }
    const mean = relations.length / perResponse.size;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(12);
    const org = new Map(responses.map((r) => [r["response_id"], r]));
    const named = new Set(
      relations.map((r) => {
        const a = org.get(r["response_id"]);
        return `${a?.["network"]}|${a?.["round_on"]}|${a?.["organisation_id"]}>${r["partner_organisation_id"]}`;
      }),
    );
    const mutual = [...named].filter((k) => {
      const [prefix, partner] = k.split(">") as [string, string];
      const self = prefix.split("|").at(-1);
      return named.has(`${prefix.split("|").slice(0, 2).join("|")}|${partner}>${self}`);
    });
    expect(mutual.length / named.size).toBeGreaterThan(0.2);
    expect(relations.some((r) => r["partner_organisation_id"]?.startsWith("EXT-"))).toBe(true);
  });

  it("spreads scores over the scale, with network-specific levels and some unanswered", () => {
    const trust = relations.map((r) => r["trust"]).filter((t) => t !== "");
    expect(new Set(trust)).toEqual(new Set(["1", "2", "3", "4", "5"]));
    expect(relations.some((r) => r["trust"] === "")).toBe(true);
    const deps = responses.map((r) => r["dependence"]).filter((t) => /^[1-5]$/.test(t ?? ""));
    expect(new Set(deps).size).toBe(5);
    const meanTrust = (network: string) => {
      const ids = new Set(
        responses.filter((r) => r["network"] === network).map((r) => r["response_id"]),
      );
      const ts = relations.filter(
        (r) => ids.has(r["response_id"]) && /^[1-4]$/.test(r["trust"] ?? ""),
      );
      return ts.reduce((s, r) => s + Number(r["trust"]), 0) / ts.length;
    };
    const means = ["Slimmer Leven", "CIC West-Brabant", "Zorgpact Kopgroep"].map(meanTrust);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.1);
  });

  it("writes barriers and success factors as survey tools do: aliases, ; and |, trailing ones", () => {
    const fields = responses.flatMap((r) => [r["barriers"] ?? "", r["success_factors"] ?? ""]);
    expect(fields.some((f) => f.includes(";") && !f.includes("parkeer"))).toBe(true);
    expect(fields.some((f) => f.includes("|"))).toBe(true);
    expect(fields.some((f) => /[;|]$/.test(f))).toBe(true);
    expect(fields.some((f) => f === "")).toBe(true);
    const barriers = spellings(BARRIERS);
    const successes = spellings(SUCCESS_FACTORS);
    const key = (p: string) => p.toLowerCase().replace(/[\s_-]+/g, "_");
    const unknown = responses.flatMap((r) => [
      ...parts(r["barriers"] ?? "").filter((p) => !barriers.has(key(p))),
      ...parts(r["success_factors"] ?? "").filter((p) => !successes.has(key(p))),
    ]);
    expect(unknown).toEqual(["parkeerbeleid"]);
    const written = responses.flatMap((r) => parts(r["barriers"] ?? ""));
    expect(written.some((p) => !BARRIERS.some((b) => b.value === p))).toBe(true);
    const canonical = new Set(written.map((p) => barriers.get(key(p))).filter(Boolean));
    expect(canonical.size).toBe(BARRIERS.length);
  });

  it("has the flawed rows data/README.md documents, on their lines", () => {
    const line = (table: Table, i: number) => table[i - 2];
    expect(line(responses, 65)?.["dependence"]).toBe("6");
    expect(line(responses, 66)?.["future"]).toBe("vier");
    expect(line(responses, 67)?.["barriers"]).toBe("financiering;parkeerbeleid");
    const dup = line(responses, 207);
    const first = line(responses, 206);
    expect([dup?.["network"], dup?.["round_on"], dup?.["organisation_id"]]).toEqual([
      first?.["network"],
      first?.["round_on"],
      first?.["organisation_id"],
    ]);
    const self = line(relations, 897);
    const selfResponse = responses.find((r) => r["response_id"] === self?.["response_id"]);
    expect(self?.["partner_organisation_id"]).toBe(selfResponse?.["organisation_id"]);
    expect(line(relations, 644)?.["response_id"]).toBe(line(responses, 66)?.["response_id"]);
    expect(line(relations, 1442)?.["response_id"]).toBe("ANT-999999");
    expect(line(relations, 2299)?.["trust"]).toBe("5");
    // Every other row has scores within their scale.
    const bad = relations.filter((r) => r["trust"] === "5" || r["value"] === "5");
    expect(bad).toHaveLength(1);
  });

  it("writes the same rows in the nl dialect: Dutch names and headers, ; and quoted lists", async () => {
    const nl = (await generateRegio({ seed: 2026, dialect: "nl" })).dir;
    const text = readFileSync(join(nl, "enquete.csv"), "utf8");
    expect(text.startsWith("\uFEFFantwoord_id;netwerk;ronde;organisatie_id;")).toBe(true);
    expect(text).toMatch(/"[^"\r\n]*;[^"\r\n]*"/);
    const dutch = readSurvey(nl, "survey_responses", "nl").map((r) => ({
      ...r,
      round_on: (r["round_on"] ?? "").split("-").reverse().join("-"),
    }));
    expect(dutch).toEqual(responses);
    expect(readSurvey(nl, "survey_relations", "nl")).toEqual(relations);
  });
});
