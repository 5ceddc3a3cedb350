import { gemeentenJson } from "../../loaders/geo.ts";

process.stdout.write(await gemeentenJson());
