// A plain, accessible data table: formatted Dutch cells, optional sorting by clicking a column
// header (buttons, so keyboard users can sort too) and an optional search box over all cells.
import { html } from "htl";

/**
 * A column: `key` (the row field), `label` (Dutch header), optional `format(value, row)` for the
 * cell text (or a node, e.g. a link), `num: true` for right-aligned numbers, `nowrap: true` for
 * cells that must not break (dates), optional `sortValue(row)`.
 */
const cellText = (column, row) => {
  const value = row[column.key];
  return column.format ? column.format(value, row) : (value ?? "");
};

const formatCount = (n) => n.toLocaleString("nl-NL");

const cellClass = (column) =>
  [column.num ? "num" : "", column.nowrap ? "nowrap" : ""].join(" ").trim();

const compare = (a, b) => {
  if (a == null || a === "") return b == null || b === "" ? 0 : 1;
  if (b == null || b === "") return -1;
  return typeof a === "number" && typeof b === "number"
    ? a - b
    : String(a).localeCompare(String(b), "nl", { numeric: true });
};

/**
 * A table of `rows` with `columns` (see above). Options: `sortable` (default true), `search`
 * (a label for a search box, or false), `sort` ({key, descending}) to start with, `caption`,
 * `label` (what the table is, for screen readers, when there is no caption), `className`,
 * `pageSize` (show that many rows at a time, with buttons for the previous and next rows). The
 * scrolling box can take keyboard focus, so that a wide table can be scrolled without a mouse.
 * Returns the element (a div with the search box and the scrolling table).
 */
export function dataTable(
  rows,
  {
    columns,
    sortable = true,
    search = false,
    sort = null,
    caption = null,
    label = null,
    className = "",
    pageSize = Infinity,
  },
) {
  let order = sort;
  let query = "";
  let first = 0;
  const step = Number.isFinite(pageSize) ? ` ${formatCount(pageSize)}` : "";
  const previous = html`<button type="button">Vorige${step}</button>`;
  const next = html`<button type="button">Volgende${step}</button>`;
  const position = html`<span aria-live="polite"></span>`;
  const pager = html`<div class="table-pager">${previous} ${position} ${next}</div>`;
  // A button that becomes disabled (first or last rows) hands keyboard focus to the other one.
  previous.onclick = () => {
    first = Math.max(0, first - pageSize);
    render();
    if (previous.disabled) next.focus();
  };
  next.onclick = () => {
    first += pageSize;
    render();
    if (next.disabled) previous.focus();
  };
  const tbody = html`<tbody></tbody>`;
  const status = html`<p class="muted table-status" aria-live="polite"></p>`;
  const headers = columns.map((column) => {
    const label = sortable
      ? html`<button type="button" class="sort-button">${column.label}</button>`
      : column.label;
    const th = html`<th scope="col" class=${column.num ? "num" : ""}>${label}</th>`;
    if (sortable) {
      label.onclick = () => {
        order = {
          key: column.key,
          descending: order?.key === column.key ? !order.descending : !!column.num,
        };
        first = 0;
        render();
      };
    }
    return th;
  });

  function render() {
    const needle = query.trim().toLocaleLowerCase("nl");
    let shown = needle
      ? rows.filter((row) =>
          columns.some((c) => String(cellText(c, row)).toLocaleLowerCase("nl").includes(needle)),
        )
      : rows.slice();
    if (order) {
      const column = columns.find((c) => c.key === order.key);
      const value = column?.sortValue ?? ((row) => row[order.key]);
      shown = shown.sort((a, b) => compare(value(a), value(b)) * (order.descending ? -1 : 1));
    }
    headers.forEach((th, i) => {
      if (!sortable) return;
      const key = columns[i].key;
      if (order?.key === key)
        th.setAttribute("aria-sort", order.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    if (first >= shown.length) first = 0;
    const page = shown.slice(first, first + pageSize);
    pager.hidden = shown.length <= pageSize;
    previous.disabled = first === 0;
    next.disabled = first + pageSize >= shown.length;
    position.textContent = `Rijen ${formatCount(first + 1)}–${formatCount(first + page.length)} van ${formatCount(shown.length)}`;
    tbody.replaceChildren(
      ...page.map(
        (row) =>
          html`<tr>
            ${columns.map((c) => html`<td class=${cellClass(c)}>${cellText(c, row)}</td>`)}
          </tr>`,
      ),
    );
    status.textContent = needle
      ? `${shown.length.toLocaleString("nl-NL")} van ${rows.length.toLocaleString("nl-NL")} rijen`
      : "";
  }

  const input = search
    ? html`<label class="table-search"
        >${search} <input type="search" autocomplete="off" placeholder="Zoeken…"
      /></label>`
    : null;
  if (input) {
    input.querySelector("input").oninput = (event) => {
      query = event.target.value;
      first = 0;
      render();
    };
  }
  render();
  return html`<div class=${`data-table ${className}`}>
    ${input} ${search ? status : ""}
    <div class="table-scroll" tabindex="0" role="region" aria-label=${caption ?? label ?? "Tabel"}>
      <table>
        ${
          caption
            ? html`<caption>
                ${caption}
              </caption>`
            : ""
        }
        <thead>
          <tr>
            ${headers}
          </tr>
        </thead>
        ${tbody}
      </table>
    </div>
    ${pager}
  </div>`;
}
