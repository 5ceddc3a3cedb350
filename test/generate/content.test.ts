import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { vocabularies, type FileKey, type VocabularyName } from "../../src/contract/index.ts";
import {
  buildDataset,
  DEFAULT_TODAY,
  GEMEENTEN_CSV,
  parseReference,
} from "../../src/generate/index.ts";
import { SECTORS, STAGES } from "../../src/generate/model.ts";
import { generateRegio, normaliseMunicipality, readAll, type Table } from "./sample.ts";

const today = DEFAULT_TODAY;
const reference = parseReference(readFileSync(GEMEENTEN_CSV, "utf8"));
const values = (t: Table, column: string) => t.map((r) => r[column] ?? "");
const distinct = (t: Table, column: string) => new Set(values(t, column).filter((v) => v !== ""));
const vocabulary = (name: VocabularyName) => vocabularies[name].values.map((v) => v.value).sort();

describe("generate: content of the regio set", () => {
  let t: Record<FileKey, Table>;
  beforeAll(async () => {
    t = readAll((await generateRegio()).dir);
  });

  it("uses the contract's vocabularies, every value of each, and nothing else but one flaw", () => {
    expect([...SECTORS].sort()).toEqual(vocabulary("sector"));
    expect([...STAGES].sort()).toEqual(vocabulary("stage"));
    const sectors = new Set([
      ...distinct(t.members, "sector"),
      ...distinct(t.project_partners, "sector"),
    ]);
    expect([...sectors].sort()).toEqual([...vocabulary("sector"), "onbekend"].sort());
    expect([...distinct(t.projects, "stage")].sort()).toEqual(vocabulary("stage"));
    expect([...distinct(t.funding, "source_type")].sort()).toEqual(vocabulary("source_type"));
    expect([...distinct(t.funding, "kind")].sort()).toEqual(vocabulary("kind"));
    expect([...distinct(t.funding, "status")].sort()).toEqual(vocabulary("status"));
    expect([...distinct(t.attendance, "person_role")].sort()).toEqual(vocabulary("person_role"));
    expect(values(t.attendance, "person_role")).toContain("");
  });

  it("has the regio sizes", () => {
    const organisations = distinct(t.members, "organisation_id");
    const slimmerLeven = distinct(
      t.members.filter((r) => r["network"] === "Slimmer Leven"),
      "organisation_id",
    );
    expect(organisations.size).toBeGreaterThanOrEqual(130);
    expect(organisations.size).toBeLessThanOrEqual(170);
    expect(slimmerLeven.size).toBeGreaterThanOrEqual(50);
    expect(slimmerLeven.size).toBeLessThanOrEqual(70);
    expect(t.projects.length).toBeGreaterThanOrEqual(85);
    expect(t.projects.length).toBeLessThanOrEqual(120);
    expect(t.attendance.length).toBeGreaterThanOrEqual(2000);
    expect(t.attendance.length).toBeLessThanOrEqual(8000);
    expect([...distinct(t.members, "network")].sort()).toEqual([
      "CIC West-Brabant",
      "Slimmer Leven",
      "Zorgpact Kopgroep",
    ]);
  });

  it("writes real gemeentecodes, in the mixed forms real exports use", () => {
    const known = new Set(reference.gemeenten.map((g) => g.code));
    const codes = values(t.members, "municipality_code").filter((c) => c !== "");
    expect(codes.length).toBeGreaterThan(120);
    expect(codes.filter((c) => !known.has(normaliseMunicipality(c)))).toEqual([]);
    expect(codes.some((c) => /^GM\d{4}$/.test(c))).toBe(true);
    expect(codes.some((c) => /^0\d{3}$/.test(c))).toBe(true);
    expect(codes.some((c) => /^[1-9]\d{0,2}$/.test(c))).toBe(true);
    const zk30 = new Set(
      reference.regions.find((r) => r.code === "ZK30")?.gemeenten.map((g) => g.code),
    );
    const slCodes = t.members.filter(
      (r) => r["network"] === "Slimmer Leven" && r["municipality_code"],
    );
    expect(
      slCodes.every((r) => zk30.has(normaliseMunicipality(r["municipality_code"] ?? ""))),
    ).toBe(true);
  });

  it("has organisations in two networks, leavers and rejoiners, all clearly fictional", () => {
    const networks = new Map<string, Set<string>>();
    const spells = new Map<string, number>();
    for (const r of t.members) {
      const id = r["organisation_id"] ?? "";
      networks.set(id, (networks.get(id) ?? new Set()).add(r["network"] ?? ""));
      spells.set(`${id}|${r["network"]}`, (spells.get(`${id}|${r["network"]}`) ?? 0) + 1);
    }
    expect([...networks.values()].filter((n) => n.size > 1).length).toBeGreaterThanOrEqual(3);
    expect([...spells.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(2);
    expect(t.members.filter((r) => r["left_on"]).length).toBeGreaterThanOrEqual(10);
    const names = values(t.members, "organisation_name").filter((n) => n !== "");
    expect(names.every((n) => n.endsWith("(fictief)"))).toBe(true);
    expect(t.members.filter((r) => r["subsector"] === "biobased").length).toBeGreaterThan(0);
  });

  it("has projects with themes, leads, partners across sectors and external partners", () => {
    const stopped = t.projects.filter((r) => r["stage"] === "gestopt");
    const stoppedOpen = stopped.filter((r) => !r["end_on"]).length;
    expect(stoppedOpen).toBeGreaterThanOrEqual(1);
    expect(stoppedOpen).toBeLessThanOrEqual(2);
    expect(stopped.length - stoppedOpen).toBeGreaterThan(3);
    expect(t.projects.every((r) => r["theme"])).toBe(true);
    expect(t.projects.filter((r) => r["iza_theme"]).length).toBeGreaterThan(60);
    expect(t.projects.filter((r) => r["lead_organisation_id"]).length).toBeGreaterThan(80);
    const members = distinct(t.members, "organisation_id");
    const external = t.project_partners.filter((r) => !members.has(r["organisation_id"] ?? ""));
    const withSector = external.filter((r) => r["sector"]).length;
    expect(withSector).toBeGreaterThan(external.length / 2);
    expect(external.length - withSector).toBeGreaterThanOrEqual(1);
    expect(values(t.project_partners, "role")).toContain("penvoerder");
  });

  it("has funding over several years, future years and own contributions by partners", () => {
    const years = values(t.funding, "year").map(Number);
    expect(Math.min(...years)).toBeLessThanOrEqual(2020);
    expect(Math.max(...years)).toBeGreaterThan(2026);
    expect(Math.max(...years)).toBeLessThanOrEqual(2029);
    const partners = new Set(
      t.project_partners.map((r) => `${r["project_id"]}|${r["organisation_id"]}`),
    );
    const own = t.funding.filter(
      (r) => r["source_type"] === "eigen_bijdrage" && r["funder_organisation_id"],
    );
    expect(own.length).toBeGreaterThan(10);
    expect(
      own.filter((r) => partners.has(`${r["project_id"]}|${r["funder_organisation_id"]}`)).length,
    ).toBeGreaterThan(10);
    const ids = values(t.funding, "funding_id");
    expect(ids.length - new Set(ids).size).toBe(1);
  });

  it("has meetings with absentees, no network, no organisation and non-members", () => {
    const members = distinct(t.members, "organisation_id");
    const a = t.attendance;
    expect(a.filter((r) => r["attended"] === "false").length).toBeGreaterThan(100);
    expect(a.filter((r) => !r["network"]).length).toBeGreaterThan(50);
    expect(a.filter((r) => !r["organisation_id"]).length).toBeGreaterThan(20);
    expect(
      a.filter((r) => r["organisation_id"] && !members.has(r["organisation_id"])).length,
    ).toBeGreaterThan(20);
    expect(distinct(a, "event_id").size).toBeGreaterThan(100);
  });

  it("has milestones per region: on time, late, overdue, cancelled, ahead, linked to projects", () => {
    const m = t.milestones;
    const regions = distinct(m, "iza_region");
    for (const region of ["Zuidoost-Brabant", "West-Brabant", "Regio De Peel"])
      expect(regions).toContain(region);
    expect([...regions].some((r) => /^ZK\d\d$/.test(r))).toBe(true);
    const live = m.filter((r) => r["cancelled"] !== "true");
    const done = live.filter((r) => r["completed_on"]);
    expect(
      done.filter((r) => (r["completed_on"] ?? "") <= (r["due_on"] ?? "")).length,
    ).toBeGreaterThan(5);
    expect(
      done.filter((r) => (r["completed_on"] ?? "") > (r["due_on"] ?? "")).length,
    ).toBeGreaterThan(2);
    expect(
      live.filter((r) => !r["completed_on"] && (r["due_on"] ?? "") <= today).length,
    ).toBeGreaterThan(2);
    expect(live.filter((r) => (r["due_on"] ?? "") > today).length).toBeGreaterThan(5);
    expect(m.filter((r) => r["cancelled"] === "true").length).toBeGreaterThanOrEqual(1);
    expect(m.filter((r) => r["project_id"]).length).toBeGreaterThan(10);
  });

  it("keeps dates between 2019 and today, apart from planned ones", () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const past = [
      ...values(t.members, "joined_on"),
      ...values(t.members, "left_on"),
      ...values(t.projects, "start_on"),
      ...values(t.attendance, "event_date"),
      ...values(t.milestones, "completed_on"),
    ].filter((d) => iso.test(d));
    expect(past.filter((d) => d < "2019-01-01" || d > today)).toEqual([]);
    expect(values(t.projects, "end_on").some((d) => d > today)).toBe(true);
  });

  it("adds at most eight deliberately flawed rows to the six exports, only in the regio set", () => {
    const dataset = buildDataset({ scale: "regio", seed: 2026, today }, reference);
    const flaws = dataset.flaws.filter((f) => !f.file.startsWith("survey_"));
    expect(flaws.length).toBeGreaterThanOrEqual(6);
    expect(flaws.length).toBeLessThanOrEqual(8);
    expect(new Set(flaws.map((f) => f.reason)).size).toBeGreaterThanOrEqual(5);
  });
});
