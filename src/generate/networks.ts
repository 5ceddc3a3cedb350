import { dayOf, type Day } from "./dates.ts";
import type { Sector, SourceType } from "./model.ts";
import type { Random, Weights } from "./random.ts";
import { REGIONAL_THEMES, SUBSECTORS } from "./catalog.ts";
import { regionByCode, type Gemeente, type Reference, type Zorgkantoorregio } from "./reference.ts";
import type { ScaleSettings } from "./scale.ts";

/** What the generator needs to know to invent one network. */
export interface NetworkPlan {
  readonly name: string;
  /** The gemeenten its members are located in. */
  readonly gemeenten: readonly Gemeente[];
  /** The zorgkantoorregio's whose regioplan its projects serve. */
  readonly regions: readonly Zorgkantoorregio[];
  readonly start: Day;
  readonly organisations: number;
  readonly projects: number;
  readonly themes: readonly string[];
  readonly sectors: Weights<Sector>;
  readonly subsectors: Readonly<Partial<Record<Sector, readonly string[]>>>;
  readonly sources: Weights<SourceType>;
  /** Share of its organisations that are also a member of one of `alsoIn`. */
  readonly overlap: number;
  readonly alsoIn: readonly string[];
}

export const SLIMMER_LEVEN = "Slimmer Leven";
export const CIC_WEST_BRABANT = "CIC West-Brabant";
export const ZORGPACT = "Zorgpact Kopgroep";

function core(reference: Reference): NetworkPlan[] {
  const zk30 = regionByCode(reference, "ZK30");
  const zk25 = regionByCode(reference, "ZK25");
  const national = ["ZK12", "ZK22", "ZK31"].map((code) => regionByCode(reference, code));
  return [
    {
      name: SLIMMER_LEVEN,
      gemeenten: zk30.gemeenten,
      regions: [zk30],
      start: dayOf("2019-02-01"),
      organisations: 60,
      projects: 45,
      themes: [
        "Gezond leven",
        "Langer thuis",
        "Digitale zorg",
        "Arbeidsmarkt",
        "Preventie",
        "Slimme wijk",
      ],
      sectors: {
        zorg: 28,
        welzijn: 14,
        onderwijs: 10,
        kennisinstelling: 10,
        overheid: 12,
        bedrijfsleven: 14,
        zorgverzekeraar: 3,
        burgers: 9,
      },
      subsectors: SUBSECTORS,
      sources: {
        gemeente: 20,
        provincie: 12,
        rif: 8,
        zorgverzekeraar: 14,
        eigen_bijdrage: 16,
        fonds: 8,
        eu: 5,
        rijk: 7,
        commercieel: 4,
      },
      overlap: 0.08,
      alsoIn: [ZORGPACT, CIC_WEST_BRABANT],
    },
    {
      name: CIC_WEST_BRABANT,
      gemeenten: zk25.gemeenten,
      regions: [zk25],
      start: dayOf("2019-09-02"),
      organisations: 48,
      projects: 32,
      themes: ["Zorg en biobased", "Zorglogistiek", "Zorgtechnologie", "Creatieve zorg"],
      sectors: {
        bedrijfsleven: 42,
        zorg: 20,
        welzijn: 6,
        onderwijs: 10,
        kennisinstelling: 8,
        overheid: 9,
        zorgverzekeraar: 2,
        burgers: 3,
      },
      subsectors: {
        ...SUBSECTORS,
        bedrijfsleven: ["biobased", "logistiek", "techniek", "creatief"],
      },
      sources: {
        rif: 16,
        provincie: 18,
        eu: 10,
        commercieel: 14,
        eigen_bijdrage: 18,
        gemeente: 10,
        fonds: 4,
        rijk: 4,
        zorgverzekeraar: 6,
      },
      overlap: 0.08,
      alsoIn: [ZORGPACT],
    },
    {
      name: ZORGPACT,
      gemeenten: reference.gemeenten,
      regions: national,
      start: dayOf("2019-01-14"),
      organisations: 40,
      projects: 25,
      themes: [
        "Opleiden in de praktijk",
        "Leven lang ontwikkelen",
        "Zorgtalent behouden",
        "Anders werken",
      ],
      sectors: {
        onderwijs: 32,
        zorg: 26,
        welzijn: 10,
        overheid: 20,
        kennisinstelling: 6,
        bedrijfsleven: 3,
        zorgverzekeraar: 2,
        burgers: 1,
      },
      subsectors: SUBSECTORS,
      sources: {
        rijk: 30,
        gemeente: 10,
        provincie: 8,
        eigen_bijdrage: 20,
        fonds: 12,
        eu: 6,
        rif: 4,
        zorgverzekeraar: 6,
        commercieel: 4,
      },
      overlap: 0,
      alsoIn: [],
    },
  ];
}

function regional(reference: Reference, settings: ScaleSettings, random: Random): NetworkPlan[] {
  return reference.regions.map((region, i) => ({
    name: `Zorgnetwerk ${region.name}`,
    gemeenten: region.gemeenten,
    regions: [region],
    start: dayOf(`20${19 + (i % 3)}-0${1 + (i % 9)}-01`),
    organisations: settings.regionalOrganisations,
    projects: settings.regionalProjects,
    themes: random.sample(REGIONAL_THEMES, random.int(4, 6)),
    sectors: {
      zorg: 30,
      welzijn: 15,
      onderwijs: 10,
      kennisinstelling: 6,
      overheid: 14,
      bedrijfsleven: 15,
      zorgverzekeraar: 2,
      burgers: 8,
    },
    subsectors: SUBSECTORS,
    sources: {
      gemeente: 18,
      provincie: 10,
      rif: 8,
      zorgverzekeraar: 12,
      eigen_bijdrage: 16,
      fonds: 8,
      eu: 6,
      rijk: 10,
      commercieel: 6,
    },
    overlap: 0.03,
    alsoIn: [
      ZORGPACT,
      ...reference.regions.filter((r) => r !== region).map((r) => `Zorgnetwerk ${r.name}`),
    ],
  }));
}

/** The networks of a scale: the three modelled networks, and in `landelijk` one per zorgkantoorregio. */
export function networkPlans(
  reference: Reference,
  settings: ScaleSettings,
  random: Random,
): NetworkPlan[] {
  const plans = core(reference);
  return settings.regionalNetworks ? [...plans, ...regional(reference, settings, random)] : plans;
}
