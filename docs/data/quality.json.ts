import { qualityJson } from "../../loaders/site.ts";

process.stdout.write(await qualityJson());
