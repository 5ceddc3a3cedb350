import process from "node:process";
import { sitePayload } from "../../loaders/site-cache.js";

process.stdout.write(await sitePayload("gemeente_2025.json"));
