import { metaJson } from "../../loaders/site.ts";

process.stdout.write(await metaJson());
