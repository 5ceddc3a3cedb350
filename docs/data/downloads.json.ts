import { downloadsJson } from "../../loaders/site-extra.ts";

process.stdout.write(await downloadsJson());
