// The parts of a network's page (netwerk/[netwerk].md) that are more than one chart: its
// development (members per sector, funding per year), the reciprocity profile beside the four
// conditions, gemeten beside ervaren, the survey's factors and the signal list. The page is the
// wiring: which network, which payload, in which order.
import { html } from "htl";
import { figure } from "./chart.js";
import { FUNDING_COLUMNS, fundingChart, fundingRows } from "./funding.js";
import { CONDITIONS, PROFILE_COLUMNS, profileHeatmap, profileRows } from "./reciprocity.js";
import { SECTOR_COLUMNS, sectorChart, sectorRows } from "./sector.js";
import { signalList } from "./signal-labels.js";
import {
  EXPERIENCED_COLUMNS,
  experiencedFlat,
  experiencedRows,
  experiencedTable,
} from "./survey-profile.js";
import { FACTOR_COLUMNS, factorRows, factorStatus, smallNumberNote, surveyCard } from "./survey.js";
import { dataTable } from "./table.js";

/**
 * Members per sector and funding per year and source of `network` ({name, slug} of meta.json)
 * from its payload `own`, side by side; `peildatum` in words, `resize` Framework's.
 */
export function developmentCharts({ resize, meta, network, own, peildatum }) {
  const { name, slug } = network;
  const sectors = sectorRows(own.members_by_sector, meta, name);
  const funding = fundingRows(own.funding_by_source, meta, name);
  const year = Number(meta.peildatum.slice(0, 4));
  return html`<div class="grid grid-cols-2">
    ${figure({
      title: "Leden per sector",
      subtitle: `Actieve lidorganisaties van ${name} per sector, op de twaalf peildata tot en met ${peildatum}`,
      chart: resize((width) => sectorChart(sectors, meta, { width, height: 300 })),
      data: sectors,
      columns: SECTOR_COLUMNS,
      filename: `leden-per-sector-${slug}`,
    })}
    ${figure({
      title: "Financiering per jaar",
      subtitle: `Toegekende financiering van de projecten van ${name} per jaar en bron, stand op ${peildatum}`,
      chart: resize((width) => fundingChart(funding, meta, { width, year, height: 300 })),
      note: `* Jaren na ${year}: al toegekend voor de toekomst.`,
      data: funding,
      columns: FUNDING_COLUMNS,
      filename: `financiering-per-jaar-${slug}`,
    })}
  </div>`;
}

/** The reciprocity profile of `network` beside all networks, and the four conditions in words. */
export function reciprocitySection({
  resize,
  meta,
  network,
  indicators,
  catalog,
  method,
  peildatum,
}) {
  const { name, slug } = network;
  const scopes = [name, "alle"];
  const profile = profileRows(indicators, catalog, scopes, meta.peildatum);
  return html`<div class="grid grid-cols-2 report-section">
    ${figure({
      title: "Wederkerigheidsprofiel",
      subtitle: `De vier voorwaarden voor duurzame samenwerking: ${name} naast alle netwerken, op ${peildatum}`,
      chart: resize((width) => profileHeatmap(profile, { width, scopes, codes: method.codes })),
      data: profile,
      columns: PROFILE_COLUMNS,
      filename: `wederkerigheid-${slug}`,
    })}
    <div class="card">
      <h2>De vier voorwaarden</h2>
      <dl class="conditions-list">
        ${CONDITIONS.map(
          (c) =>
            html`<div>
              <dt><strong>${c.title}</strong></dt>
              <dd>${c.explanation.split(". ")[0]}.</dd>
            </div>`,
        )}
      </dl>
    </div>
  </div>`;
}

/** The four conditions of `network` as the exports measure them and as its partners experience them. */
export function experiencedSection({ meta, network, indicators, catalog, survey, peildatum }) {
  const { name, slug } = network;
  const experienced = experiencedRows(indicators, catalog, survey, name, meta.peildatum);
  return html`<div class="report-section">
    ${surveyCard({
      title: "Gemeten en ervaren",
      subtitle: `De vier voorwaarden volgens de exports en volgens de partners in de enquête, op ${peildatum}`,
      content: experiencedTable(experienced, { caption: name }),
      note: smallNumberNote(survey.small_number),
      data: experiencedFlat(experienced, name),
      columns: EXPERIENCED_COLUMNS,
      filename: `gemeten-en-ervaren-${slug}`,
    })}
  </div>`;
}

/** The barriers and success factors of the last survey round of network `name`, as tables. */
export function factorSection(survey, name) {
  const table = (kind, title) => {
    const rows = factorRows(survey, name, kind);
    return html`<div class="card">
      <h3>${title}</h3>
      ${
        rows.length > 0
          ? dataTable(rows, { columns: FACTOR_COLUMNS, label: `${title} in ${name}` })
          : html`<p><em>Geen rangorde.</em></p>`
      }
    </div>`;
  };
  return html`<div class="report-section">
    <p>${factorStatus(survey, name)} <a href="../enquete">Alle netwerken</a>.</p>
    ${
      survey.delivered
        ? html`<div class="grid grid-cols-2">
            ${table("belemmering", "Belemmeringen")} ${table("succesfactor", "Succesfactoren")}
          </div>`
        : ""
    }
  </div>`;
}

/** The signals of network `name` at the peildatum, the most urgent first. */
export function signalSection(signals, name) {
  return html`<div class="report-section">
    <p>
      Wat op de peildatum aandacht vraagt in ${name}, het meest dringende eerst. Alle signalen staan
      op de pagina <a href="../signalen">Signalen</a>.
    </p>
    ${signalList(signals)}
  </div>`;
}
