import { contractCsv } from "../../loaders/site-extra.ts";

process.stdout.write(contractCsv());
