// Where a scope's members are established on /leden: two choropleths side by side, members per
// gemeente and per zorgkantoorregio (merged from the gemeenten), each with its table and CSV.
import { html } from "htl";
import { figure } from "./chart.js";
import { formatInteger } from "./format.js";
import * as maps from "./maps.js";

/**
 * The maps of `counts` (members_by_region.json's counts of one scope) on the gemeenten of
 * `topology` (gemeente_2025.json), for `who` at `peildatum` (in words); `resize` is Framework's.
 */
export function memberMaps({ resize, topology, counts, who, peildatum }) {
  const areas = maps.regionCounts(topology, counts);
  const note = `${maps.ATTRIBUTION}.${areas.withoutCode ? ` ${formatInteger(areas.withoutCode)} organisaties zonder (bekende) gemeentecode staan niet op de kaart.` : ""}`;
  const map = (features, values) =>
    resize((width) =>
      maps.choropleth(features, values, {
        width,
        label: "Aantal lidorganisaties",
        unit: "lidorganisaties",
      }),
    );
  return html`<div class="grid grid-cols-2">
    ${figure({
      title: "Lidorganisaties per gemeente",
      subtitle: `Aantal lidorganisaties van ${who} per vestigingsgemeente op ${peildatum}.`,
      chart: map(areas.gemeenten, areas.perGemeente),
      note,
      data: areas.gemeenteRows,
      columns: maps.GEMEENTE_COLUMNS,
      filename: "leden-per-gemeente",
    })}
    ${figure({
      title: "Lidorganisaties per zorgkantoorregio",
      subtitle: `Aantal lidorganisaties van ${who} per zorgkantoorregio van hun vestigingsgemeente op ${peildatum}.`,
      chart: map(areas.regions, areas.perRegion),
      note,
      data: areas.regionRows,
      columns: maps.REGION_COLUMNS,
      filename: "leden-per-zorgkantoorregio",
    })}
  </div>`;
}
