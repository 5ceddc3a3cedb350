// The member charts of /leden in their figures: inflow and outflow per quarter, and the golden
// triangle per network. Each is the chart of its indicators (#grafiek-<id>) for the summaries.
import { figure } from "./chart.js";
import * as members from "./members.js";

/** Inflow and outflow of `scope` (named `who`) per quarter up to `peildatum` (in words). */
export function flowFigure({ resize, indicators, meta, scope, who, peildatum }) {
  const flows = members.flowRows(indicators, scope);
  return figure({
    title: "Instroom en uitstroom van leden",
    subtitle: `Nieuwe en beëindigde lidmaatschappen van ${who} in het kwartaal tot elke peildatum, tot en met ${peildatum}; uitstroom naar beneden.`,
    chart: resize((width) => members.flowChart(flows, meta, { width })),
    data: flows,
    columns: members.FLOW_COLUMNS,
    filename: "instroom-uitstroom",
    anchors: ["leden_instroom", "leden_uitstroom"],
  });
}

/** The members per pillar of the golden triangle in every network at `peildatum` (in words). */
export function triangleFigure({ resize, membersBySector, indicators, meta, peildatum }) {
  const triangle = members.triangleRows(membersBySector, indicators, meta);
  return figure({
    title: "Gouden driehoek per netwerk",
    subtitle: `Aantal lidorganisaties per pijler op ${peildatum}; een leeg vak betekent dat de pijler ontbreekt.`,
    chart: resize((width) => members.triangleChart(triangle, { width })),
    note: "✓ = gouden driehoek compleet, ✗ = niet compleet.",
    data: triangle,
    columns: members.TRIANGLE_COLUMNS,
    filename: "gouden-driehoek",
    anchors: ["gouden_driehoek"],
  });
}
