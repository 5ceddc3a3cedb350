// The data of one network's page (docs/netwerk/[netwerk].md) in one file: its slices of the
// whole-site files, so that the page does not download every network's signals, funding and
// indicators to show one network's (at national scale a file of 25–60 kB instead of 1,6 MB).
import { indicatorSeriesOf, networksOf, outDir, readTable, type TableRow } from "./site.ts";

/** What `netwerk/data/<slug>.json` holds: the same rows as the whole-site files, one network's. */
export interface NetworkPageJson {
  /** The network's series and the total's (scope "alle"), which the page compares it with. */
  indicator_series: ReturnType<typeof indicatorSeriesOf>;
  members_by_sector: TableRow[];
  funding_by_source: TableRow[];
  signals: TableRow[];
}

/** `netwerk/data/<slug>.json`: what the page of the network with that slug shows. */
export async function networkPageJson(slug: string, dir = outDir()): Promise<string> {
  const [indicators, sectors, funding, signals] = await Promise.all([
    readTable("indicators", dir),
    readTable("members_by_sector", dir),
    readTable("funding_by_source", dir),
    readTable("signals", dir),
  ]);
  const network = networksOf(indicators).find((n) => n.slug === slug);
  if (!network) throw new Error(`loader: no network with the file name ${slug}`);
  const name = network.name;
  const series = indicatorSeriesOf(indicators);
  const page: NetworkPageJson = {
    indicator_series: {
      reference_dates: series.reference_dates,
      series: series.series.filter(
        (s) =>
          (s.scope_type === "netwerk" && s.scope === name) ||
          (s.scope_type === "totaal" && s.scope === "alle"),
      ),
    },
    members_by_sector: sectors.filter((r) => r.scope === name),
    funding_by_source: funding.filter((r) => r.network === name),
    signals: signals.filter((r) => r.scope_type === "netwerk" && r.scope === name),
  };
  return JSON.stringify(page);
}
