import { topojsonJson } from "../../loaders/geo.ts";

process.stdout.write(await topojsonJson("gemeente_2025"));
