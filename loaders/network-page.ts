// The data of one network's page (docs/netwerk/[netwerk].md) in one file: its slices of the
// whole-site files, so that the page does not download every network's signals, funding and
// indicators to show one network's (at national scale 2,2 MB per page instead of 0,3 MB).
import { indicatorSeriesJson, outDir, readNetworks, readTable, type TableRow } from "./site.ts";

/** The series of indicator_series.json (loaders/site.ts). */
interface SeriesJson {
  reference_dates: string[];
  series: { scope_type: string; scope: string; indicator: string; values: (number | null)[] }[];
}

/** What `netwerk/data/<slug>.json` holds: the same rows as the whole-site files, one network's. */
export interface NetworkPageJson {
  /** The network's series and those of all networks together (the page compares the two). */
  indicator_series: SeriesJson;
  members_by_sector: TableRow[];
  funding_by_source: TableRow[];
  signals: TableRow[];
}

/** `netwerk/data/<slug>.json`: what the page of the network with that slug shows. */
export async function networkPageJson(slug: string, dir = outDir()): Promise<string> {
  const network = (await readNetworks(dir)).find((n) => n.slug === slug);
  if (!network) throw new Error(`loader: no network with the file name ${slug}`);
  const name = network.name;
  const [series, sectors, funding, signals] = await Promise.all([
    indicatorSeriesJson(dir).then((json) => JSON.parse(json) as SeriesJson),
    readTable("members_by_sector", dir),
    readTable("funding_by_source", dir),
    readTable("signals", dir),
  ]);
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
