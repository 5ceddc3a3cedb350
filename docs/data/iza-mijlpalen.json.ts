import { izaJson } from "../../loaders/site-extra.ts";

process.stdout.write(await izaJson());
