import { dayOf, isoOf, type Day } from "./dates.ts";
import type { ExportRow } from "./dialect.ts";
import { idOf, type Milestone, type Project } from "./model.ts";
import { IZA_THEMES } from "./catalog.ts";
import { SLIMMER_LEVEN, type NetworkPlan } from "./networks.ts";
import type { Random } from "./random.ts";
import type { ScaleSettings } from "./scale.ts";
import { MILESTONE_TITLES } from "./titles.ts";

/** A regioplan region as milestones name it, and the networks whose projects carry its milestones. */
interface RegionPlan {
  readonly name: string;
  /** The zorgkantoorregio code, or null for a region that is no zorgkantoorregio. */
  readonly code: string | null;
  readonly networks: readonly string[];
}

/** A regioplan region that is not a zorgkantoorregio: kept as given by the monitor. */
export const OTHER_REGION = "Regio De Peel";

type Outcome = "on_time" | "late" | "overdue" | "cancelled" | "free";
const FIRST_OUTCOMES: readonly Outcome[] = ["on_time", "late", "overdue", "cancelled"];

function regionPlans(plans: readonly NetworkPlan[]): RegionPlan[] {
  const byCode = new Map<string, { name: string; networks: string[] }>();
  for (const plan of plans) {
    for (const region of plan.regions) {
      const entry = byCode.get(region.code) ?? { name: region.name, networks: [] };
      entry.networks.push(plan.name);
      byCode.set(region.code, entry);
    }
  }
  const regions = [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { name, networks }]) => ({ name, code, networks }));
  return [...regions, { name: OTHER_REGION, code: null, networks: [SLIMMER_LEVEN] }];
}

function outcome(random: Random, forced: Outcome | undefined, due: Day, today: Day): Outcome {
  if (forced) return forced;
  if (random.chance(0.06)) return "cancelled";
  if (due > today) return "free";
  const x = random.next();
  return x < 0.5 ? "on_time" : x < 0.75 ? "late" : "overdue";
}

/** Regioplan milestones per region: done on time, late, overdue, cancelled or still ahead. */
export function generateMilestones(
  random: Random,
  plans: readonly NetworkPlan[],
  projects: readonly Project[],
  settings: ScaleSettings,
  today: Day,
): Milestone[] {
  const milestones: Milestone[] = [];
  const first = dayOf("2023-01-16");
  regionPlans(plans).forEach((region, r) => {
    const candidates = projects.filter((p) => region.networks.includes(p.network));
    const [min, max] = settings.milestonesPerRegion;
    for (let i = 0, n = random.int(min, max); i < n; i++) {
      const forced = r === 0 ? FIRST_OUTCOMES[i] : undefined;
      const due = forced ? random.int(first, today - 120) : random.int(first, today + 730);
      const result = outcome(random, forced, due, today);
      let completed: Day | null = null;
      if (result === "on_time") completed = due - random.int(0, 90);
      if (result === "late") {
        const late = due + random.int(5, 240);
        completed = late <= today ? late : forced ? today : null;
      }
      if (result === "free" && random.chance(0.12)) completed = today - random.int(0, 200);
      const izaTheme = random.pick(IZA_THEMES);
      const fitting = candidates.filter((p) => p.izaTheme === izaTheme && p.start <= due);
      const linked = random.chance(0.4) && candidates.length > 0;
      const project = linked ? random.pick(fitting.length > 0 ? fitting : candidates) : null;
      milestones.push({
        id: idOf("MP", milestones.length + 1, 5),
        region: region.code !== null && random.chance(0.2) ? region.code : region.name,
        izaTheme,
        title: random.pick(MILESTONE_TITLES),
        projectId: project?.id ?? null,
        due,
        completed,
        cancelled: result === "cancelled" ? true : random.chance(0.25) ? null : false,
      });
    }
  });
  return milestones;
}

export function milestoneRow(m: Milestone): ExportRow {
  return {
    milestone_id: m.id,
    iza_region: m.region,
    iza_theme: m.izaTheme,
    title: m.title,
    project_id: m.projectId,
    due_on: isoOf(m.due),
    completed_on: m.completed === null ? null : isoOf(m.completed),
    cancelled: m.cancelled,
  };
}
