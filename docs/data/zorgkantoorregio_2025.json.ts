import { topojsonJson } from "../../loaders/geo.ts";

process.stdout.write(await topojsonJson("zorgkantoorregio_2025"));
