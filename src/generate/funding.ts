import { yearOf, type Day } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import {
  idOf,
  type FundingLine,
  type FundingStatus,
  type Project,
  type Sector,
  type SourceType,
} from "./model.ts";
import type { NetworkPlan } from "./networks.ts";
import { weightedPicker, type Random } from "./random.ts";

/** Yearly amounts in euros per source: [min, max]. */
const AMOUNTS: Readonly<Record<SourceType, readonly [number, number]>> = {
  rif: [50_000, 400_000],
  gemeente: [10_000, 150_000],
  provincie: [25_000, 300_000],
  rijk: [50_000, 600_000],
  zorgverzekeraar: [25_000, 250_000],
  eu: [100_000, 900_000],
  fonds: [5_000, 75_000],
  eigen_bijdrage: [2_500, 50_000],
  commercieel: [5_000, 120_000],
};
const STRUCTURAL_SOURCES = new Set<SourceType>([
  "gemeente",
  "zorgverzekeraar",
  "commercieel",
  "eigen_bijdrage",
  "rijk",
]);
/** The partner sector whose organisation is the funder of a source, where one applies. */
const FUNDER_SECTOR: Readonly<Partial<Record<SourceType, Sector>>> = {
  gemeente: "overheid",
  zorgverzekeraar: "zorgverzekeraar",
};
const sourceCount = weightedPicker({ 1: 35, 2: 45, 3: 20 });

function amount(random: Random, source: SourceType, stage: Project["stage"]): number {
  const [min, max] = AMOUNTS[source];
  const scale = stage === "idee" || stage === "pilot" ? 0.6 : 1;
  const euros = (min + random.next() * (max - min)) * scale;
  return random.chance(0.15) ? Math.round(euros * 100) / 100 : Math.round(euros / 500) * 500;
}

function status(
  random: Random,
  year: number,
  todayYear: number,
  structural: boolean,
): FundingStatus {
  if (year > todayYear) return structural && random.chance(0.55) ? "toegekend" : "aangevraagd";
  const x = random.next();
  if (structural) return x < 0.95 ? "toegekend" : "afgewezen";
  if (year >= todayYear - 1 && x < 0.1) return "aangevraagd";
  return x < 0.85 ? "toegekend" : "afgewezen";
}

/** Funding lines of every project: several sources and years, some reaching into future years. */
export function generateFunding(
  random: Random,
  projects: readonly Project[],
  plans: readonly NetworkPlan[],
  sectorOf: ReadonlyMap<string, Sector>,
  today: Day,
): FundingLine[] {
  const todayYear = yearOf(today);
  const pickers = new Map(
    plans.map((p) => [p.name, weightedPicker({ ...p.sources, eigen_bijdrage: 0 })]),
  );
  const lines: FundingLine[] = [];
  for (const project of projects) {
    const pick = pickers.get(project.network);
    if (!pick) continue;
    const add = (
      source: SourceType,
      funder: string | null,
      year: number,
      structural: boolean,
    ): void => {
      lines.push({
        id: idOf("FIN", lines.length + 1, 6),
        projectId: project.id,
        source,
        funder,
        year,
        amount: amount(random, source, project.stage),
        kind: structural ? "structureel" : "incidenteel",
        status:
          project.stage === "idee" ? "aangevraagd" : status(random, year, todayYear, structural),
      });
    };
    if (project.stage === "idee") {
      if (random.chance(0.5)) add(pick(random), null, todayYear + random.int(0, 1), false);
      continue;
    }
    const partnerIds = project.partners.map((p) => p.organisationId);
    const sources: { source: SourceType; funder: string | null }[] = [];
    for (let n = Number(sourceCount(random)), i = 0; i < n * 2 && sources.length < n; i++) {
      const source = pick(random);
      if (sources.some((s) => s.source === source)) continue;
      const sector = FUNDER_SECTOR[source];
      const funder = sector ? partnerIds.find((id) => sectorOf.get(id) === sector) : undefined;
      sources.push({ source, funder: funder !== undefined && random.chance(0.7) ? funder : null });
    }
    const own = random.sample(partnerIds, random.chance(0.45) ? (random.chance(0.3) ? 2 : 1) : 0);
    for (const funder of own) sources.push({ source: "eigen_bijdrage", funder });

    const startYear = yearOf(project.start);
    const endYear = project.end === null ? null : yearOf(project.end);
    const ongoing = project.stage === "structureel" || project.stage === "opschaling";
    for (const { source, funder } of sources) {
      const structural = ongoing && STRUCTURAL_SOURCES.has(source) && random.chance(0.45);
      if (structural) {
        const last = Math.min(endYear ?? todayYear + random.int(0, 2), todayYear + 3);
        for (let year = startYear + random.int(0, 2); year <= last; year++)
          add(source, funder, year, true);
      } else {
        const last = Math.min(endYear ?? todayYear + 1, todayYear + 2);
        const first = startYear + random.int(0, Math.max(0, Math.min(2, last - startYear)));
        const span = random.int(1, 2);
        for (let year = first; year < first + span && year <= Math.max(first, last); year++)
          add(source, funder, year, false);
      }
    }
  }
  return lines;
}

export function fundingRow(line: FundingLine): ExportRow {
  return {
    funding_id: line.id,
    project_id: line.projectId,
    source_type: line.source,
    funder_organisation_id: line.funder,
    year: line.year,
    amount_eur: line.amount,
    kind: line.kind,
    status: line.status,
  };
}
