import { addMonths, isoOf, type Day } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import { idOf, STAGES, type External, type Partner, type Project, type Stage } from "./model.ts";
import { IZA_THEMES, THEME_TO_IZA } from "./catalog.ts";
import { SLIMMER_LEVEN, type NetworkPlan } from "./networks.ts";
import { weightedPicker, type Random } from "./random.ts";
import type { Roster } from "./roster.ts";
import type { ScaleSettings } from "./scale.ts";
import { projectName, SPECIAL_PROJECTS } from "./titles.ts";

const stagePicker = weightedPicker<Stage>({
  idee: 12,
  pilot: 30,
  opschaling: 20,
  structureel: 20,
  gestopt: 18,
});
const partnerCount = weightedPicker({ 1: 10, 2: 28, 3: 28, 4: 18, 5: 10, 6: 6 });
const rolePicker = weightedPicker({
  partner: 60,
  kennispartner: 15,
  uitvoeringspartner: 15,
  adviseur: 7,
  cofinancier: 3,
});

function between(random: Random, from: Day, to: Day): Day {
  return to <= from ? from : random.int(from, to);
}

/** Start and end of a project, fitting its stage: only planned ends lie after today. */
function period(
  random: Random,
  stage: Stage,
  earliest: Day,
  today: Day,
): { start: Day; end: Day | null } {
  switch (stage) {
    case "idee":
      return { start: between(random, Math.max(earliest, today - 330), today - 14), end: null };
    case "pilot": {
      const start = between(random, Math.max(earliest, today - 1280), today - 45);
      return { start, end: random.chance(0.65) ? addMonths(start, random.int(9, 30)) : null };
    }
    case "opschaling":
      return {
        start: between(random, earliest, today - 300),
        end: random.chance(0.4) ? today + random.int(60, 900) : null,
      };
    case "structureel":
      return {
        start: between(random, earliest, today - 600),
        end: random.chance(0.05) ? today + random.int(365, 1500) : null,
      };
    case "gestopt": {
      const start = between(random, earliest, today - 200);
      return { start, end: start + random.int(90, Math.max(90, Math.min(900, today - start - 1))) };
    }
  }
}

function partnersOf(
  random: Random,
  plan: NetworkPlan,
  others: readonly NetworkPlan[],
  roster: Roster,
  externals: readonly External[],
  lead: string | null,
  start: Day,
): Partner[] {
  const partners: Partner[] =
    lead !== null && random.chance(0.95)
      ? [{ organisationId: lead, role: "penvoerder", sector: null }]
      : [];
  const seen = new Set(lead === null ? [] : [lead]);
  const wanted = Number(partnerCount(random));
  for (let attempt = 0; attempt < wanted * 3 && seen.size < wanted + 1; attempt++) {
    const x = random.next();
    if (x < 0.1 && externals.length > 0) {
      const external = random.pick(externals);
      if (seen.has(external.id)) continue;
      seen.add(external.id);
      partners.push({
        organisationId: external.id,
        role: rolePicker(random),
        sector: external.sectorKnown ? external.sector : null,
      });
      continue;
    }
    const network = x < 0.18 && others.length > 0 ? random.pick(others).name : plan.name;
    const spell = roster.pickActive(random, network, start);
    if (!spell || seen.has(spell.organisation.id)) continue;
    seen.add(spell.organisation.id);
    partners.push({
      organisationId: spell.organisation.id,
      role: rolePicker(random),
      sector: null,
    });
  }
  return partners;
}

/** The projects of every network with their partners; ids follow the start date. */
export function generateProjects(
  random: Random,
  plans: readonly NetworkPlan[],
  roster: Roster,
  externals: readonly External[],
  settings: ScaleSettings,
  today: Day,
): Project[] {
  const projects: Project[] = [];
  let withoutEnd = 0;
  for (const plan of plans) {
    const others = plans.filter((p) => p !== plan);
    for (let i = 0; i < plan.projects; i++) {
      const special = plan.name === SLIMMER_LEVEN ? SPECIAL_PROJECTS[i] : undefined;
      const theme = special?.theme ?? random.pick(plan.themes);
      const stage = STAGES[i] ?? stagePicker(random);
      const { start, end } = period(random, stage, plan.start + 30, today);
      const stoppedOpen = stage === "gestopt" && withoutEnd < settings.stoppedWithoutEnd;
      if (stoppedOpen) withoutEnd++;
      const x = random.next();
      const lead = random.chance(0.02)
        ? null
        : (roster.pickActive(random, plan.name, start) ?? roster.spellsOf(plan.name)[0]);
      const leadId = lead ? lead.organisation.id : null;
      projects.push({
        id: "",
        name: special?.name ?? projectName(random, theme, random.pick(plan.gemeenten).name),
        network: plan.name,
        theme,
        izaTheme:
          x < 0.75
            ? (THEME_TO_IZA[theme] ?? random.pick(IZA_THEMES))
            : x < 0.88
              ? random.pick(IZA_THEMES)
              : null,
        stage,
        lead: leadId,
        start,
        end: stoppedOpen ? null : end,
        partners: partnersOf(random, plan, others, roster, externals, leadId, start),
      });
    }
  }
  projects.sort((a, b) => a.start - b.start);
  projects.forEach((p, i) => (p.id = idOf("PRJ", i + 1, 5)));
  return projects;
}

export function projectRow(p: Project): ExportRow {
  return {
    project_id: p.id,
    project_name: p.name,
    network: p.network,
    theme: p.theme,
    iza_theme: p.izaTheme,
    stage: p.stage,
    lead_organisation_id: p.lead,
    start_on: isoOf(p.start),
    end_on: p.end === null ? null : isoOf(p.end),
  };
}

/** The rows of project_partners.csv for one project. */
export function partnerRows(p: Project): ExportRow[] {
  return p.partners.map((partner) => ({
    project_id: p.id,
    organisation_id: partner.organisationId,
    role: partner.role,
    sector: partner.sector,
  }));
}
