import { membersByRegionJson } from "../../loaders/geo.ts";

process.stdout.write(await membersByRegionJson());
