import { methodJson } from "../../loaders/site-extra.ts";

process.stdout.write(await methodJson());
