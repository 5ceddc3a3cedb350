// Shared by the loader tests: indicator values from an output folder's indicators.csv.
import { readPeildatum, readTable } from "../../loaders/site.ts";

/** An indicator's value at the peildatum per scope (networks and "alle"; no IZA regions). */
export async function indicatorAt(
  dir: string,
  indicator: string,
): Promise<Map<string, number | null>> {
  const asOf = await readPeildatum(dir);
  const rows = await readTable("indicators", dir);
  return new Map(
    rows
      .filter(
        (r) => r.indicator === indicator && r.period_end === asOf && r.scope_type !== "iza_regio",
      )
      .map((r) => [String(r.scope), r.value == null ? null : Number(r.value)]),
  );
}
