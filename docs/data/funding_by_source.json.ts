import { tableJson } from "../../loaders/site.ts";

process.stdout.write(await tableJson("funding_by_source"));
