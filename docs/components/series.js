// The compact indicator file (data/indicator_series.json) back in the row shape of
// data/indicators.json, which is twice as heavy to download.

/**
 * Rows {scope_type, scope, indicator, period_end, value} from indicator_series.json
 * ({reference_dates, series: [{scope_type, scope, indicator, values}]}), as in indicators.json.
 */
export function seriesRows({ reference_dates: dates, series }) {
  return series.flatMap(({ scope_type, scope, indicator, values }) =>
    values.map((value, i) => ({ scope_type, scope, indicator, period_end: dates[i], value })),
  );
}

/** The file key of the scope "alle netwerken" (ALL_KEY of src/site/keys.ts). */
export const ALL_KEY = "alle--netwerken";

/**
 * The URL of a scope's file of `kind` (data/<kind>/<key>.json: "indicatoren", "financiering");
 * null for a scope without a file. `base`: the path from the page to the site's root ("./" for a
 * top-level page, "../" for /iza/ and /netwerk/<slug>).
 */
export function scopeFileUrl(meta, kind, scope, base = "./") {
  const key = scope === "alle" ? ALL_KEY : meta.networks.find((n) => n.name === scope)?.slug;
  if (key == null) return null;
  return `${base}data/${kind}/${encodeURIComponent(key)}.json?v=${encodeURIComponent(meta.refreshed_at)}`;
}

/** The URL of a scope's series file (data/indicatoren/<key>.json); `base` as scopeFileUrl. */
export const seriesUrl = (meta, scope, base = "./") =>
  scopeFileUrl(meta, "indicatoren", scope, base);

/** The JSON of a scope's file of `kind` (scopeFileUrl); null for a scope without a file. */
export async function loadScopeFile(meta, kind, scope, base = "./") {
  const url = scopeFileUrl(meta, kind, scope, base);
  if (url == null) return null;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Kon ${url} niet laden (HTTP ${response.status})`);
  return response.json();
}

/**
 * The URL of an indicator's series file of every scope (data/per-indicator/<id>.json); `base` as
 * scopeFileUrl.
 */
export const indicatorUrl = (meta, id, base = "./") =>
  `${base}data/per-indicator/${encodeURIComponent(id)}.json?v=${encodeURIComponent(meta.refreshed_at)}`;

async function fetchRows(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Kon ${url} niet laden (HTTP ${response.status})`);
  return seriesRows(await response.json());
}

/**
 * The rows (as seriesRows) of the indicator series of `scopes` ("alle" or network names of
 * `meta`), each scope's from its own file, plus those of indicators `ids` in every scope (for
 * charts that compare the networks): a page fetches what it shows, not every scope's series
 * (indicator_series.json). Each series once; a scope without a file has no rows. `base` as
 * scopeFileUrl.
 */
export async function loadSeries(meta, scopes, ids = [], base = "./") {
  const urls = [
    ...[...new Set(scopes)].map((scope) => seriesUrl(meta, scope, base)).filter(Boolean),
    ...[...new Set(ids)].map((id) => indicatorUrl(meta, id, base)),
  ];
  const seen = new Set();
  return (await Promise.all(urls.map(fetchRows))).flat().filter((r) => {
    const key = `${r.scope_type}\u0000${r.scope}\u0000${r.indicator}\u0000${r.period_end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
