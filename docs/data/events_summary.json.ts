import { martJson } from "../../loaders/site.ts";

process.stdout.write(await martJson("site_events_summary"));
