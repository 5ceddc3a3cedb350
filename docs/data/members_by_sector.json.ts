import { tableJson } from "../../loaders/site.ts";

process.stdout.write(await tableJson("members_by_sector"));
