import process from "node:process";
import { sitePayload } from "../../loaders/site-cache.js";

process.stdout.write(await sitePayload("indicator_catalog.json"));
