import { membersByRegionJson } from "../../loaders/geo.ts";
import { readPeildatum } from "../../loaders/site.ts";

process.stdout.write(await membersByRegionJson(await readPeildatum()));
