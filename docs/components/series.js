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
