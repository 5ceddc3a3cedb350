import { tableJson } from "../../loaders/site.ts";

process.stdout.write(await tableJson("data_quality"));
