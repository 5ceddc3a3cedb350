import { indicatorSeriesJson } from "../../loaders/site.ts";

process.stdout.write(await indicatorSeriesJson());
