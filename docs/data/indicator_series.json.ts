import { martJson } from "../../loaders/site.ts";

process.stdout.write(await martJson("site_indicator_series"));
