import { isoOf, type Day } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import {
  idOf,
  municipalityText,
  type CodeForm,
  type External,
  type Organisation,
  type Sector,
  type Spell,
} from "./model.ts";
import { NameBook } from "./names.ts";
import type { NetworkPlan } from "./networks.ts";
import { weightedPicker, type Random } from "./random.ts";

export interface Membership {
  readonly organisations: readonly Organisation[];
  /** The rows of members.csv, in file order. */
  readonly spells: readonly Spell[];
}

const codeForm = weightedPicker<CodeForm>({ gm: 84, bare: 8, padded: 8 });

function joinDay(random: Random, plan: NetworkPlan, index: number, today: Day): Day {
  const founding = index < Math.ceil(plan.organisations * 0.25);
  if (founding) return plan.start + random.int(0, 60);
  // Skewed towards later years (networks grow); plain arithmetic, so every engine agrees.
  const u = random.next();
  return plan.start + Math.floor((today - 14 - plan.start) * u * (1.3 - 0.3 * u));
}

/** One organisation's spells in one network: some leave, and some of those rejoin later. */
function spellsFor(
  random: Random,
  organisation: Organisation,
  network: string,
  joined: Day,
  today: Day,
): Spell[] {
  const spell = (from: Day, to: Day | null): Spell => ({
    organisation,
    network,
    joined: from,
    left: to,
    codeForm: codeForm(random),
  });
  if (!random.chance(0.15) || today - joined < 240) return [spell(joined, null)];
  const left = joined + random.int(180, today - joined - 30);
  if (!random.chance(0.3) || today - left < 120) return [spell(joined, left)];
  return [
    spell(joined, left),
    spell(left + random.int(90, Math.min(700, today - left - 14)), null),
  ];
}

/** Organisations of every network with their membership spells; ids follow first joining. */
export function generateMembership(
  random: Random,
  plans: readonly NetworkPlan[],
  today: Day,
): Membership {
  const names = new NameBook();
  const homes: { organisation: Organisation; plan: NetworkPlan; joined: Day }[] = [];
  const spells: Spell[] = [];
  for (const plan of plans) {
    const guaranteed = (Object.keys(plan.sectors) as Sector[]).filter(
      (s) => (plan.sectors[s] ?? 0) > 0,
    );
    const sector = weightedPicker(plan.sectors);
    for (let i = 0; i < plan.organisations; i++) {
      const s = guaranteed[i] ?? sector(random);
      const subsectors = plan.subsectors[s] ?? [];
      const subsector =
        subsectors.length > 0 && random.chance(0.85) ? random.pick(subsectors) : null;
      const gemeente = random.pick(plan.gemeenten);
      const organisation: Organisation = {
        id: "",
        name: names.organisation(random, s, subsector, gemeente.name),
        sector: s,
        subsector,
        municipality: random.chance(0.95) ? gemeente.code : null,
      };
      const joined = joinDay(random, plan, i, today);
      homes.push({ organisation, plan, joined });
      spells.push(...spellsFor(random, organisation, plan.name, joined, today));
    }
  }
  homes.sort((a, b) => a.joined - b.joined);
  homes.forEach((home, i) => (home.organisation.id = idOf("ORG", i + 1, 5)));
  spells.push(...overlaps(random, plans, homes, today));
  const order = new Map(plans.map((p, i) => [p.name, i]));
  spells.sort(
    (a, b) =>
      (order.get(a.network) ?? 0) - (order.get(b.network) ?? 0) ||
      a.organisation.id.localeCompare(b.organisation.id) ||
      a.joined - b.joined,
  );
  return { organisations: homes.map((h) => h.organisation), spells };
}

/** Some organisations are members of a second network as well. */
function overlaps(
  random: Random,
  plans: readonly NetworkPlan[],
  homes: readonly { organisation: Organisation; plan: NetworkPlan; joined: Day }[],
  today: Day,
): Spell[] {
  const spells: Spell[] = [];
  for (const plan of plans) {
    if (plan.alsoIn.length === 0) continue;
    const own = homes.filter((h) => h.plan === plan && h.organisation.sector !== "burgers");
    for (const home of random.sample(own, Math.round(plan.organisations * plan.overlap))) {
      const target = plans.find((p) => p.name === random.pick(plan.alsoIn));
      if (!target) continue;
      const from = Math.max(target.start, home.joined) + random.int(0, 365);
      if (from < today - 14)
        spells.push(...spellsFor(random, home.organisation, target.name, from, today));
    }
  }
  return spells;
}

/** Parties outside every network that join projects and meetings. */
export function generateExternals(random: Random, count: number): External[] {
  const sector = weightedPicker<Sector>({
    bedrijfsleven: 30,
    kennisinstelling: 20,
    zorg: 15,
    overheid: 10,
    onderwijs: 10,
    welzijn: 8,
    zorgverzekeraar: 2,
    burgers: 5,
  });
  return Array.from({ length: count }, (_, i) => ({
    id: idOf("EXT", i + 1, 5),
    sector: sector(random),
    sectorKnown: i % 6 !== 2,
  }));
}

export function memberRow(spell: Spell): ExportRow {
  const o = spell.organisation;
  return {
    organisation_id: o.id,
    organisation_name: o.name,
    network: spell.network,
    sector: o.sector,
    subsector: o.subsector,
    municipality_code:
      o.municipality === null ? null : municipalityText(o.municipality, spell.codeForm),
    joined_on: isoOf(spell.joined),
    left_on: spell.left === null ? null : isoOf(spell.left),
  };
}
