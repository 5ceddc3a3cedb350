import { contractJson } from "../../loaders/site-extra.ts";

process.stdout.write(contractJson());
