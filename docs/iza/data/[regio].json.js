import process from "node:process";
import { paramOf, scopePayload } from "../../../loaders/site-cache.js";

process.stdout.write(await scopePayload("iza-regio", paramOf("regio")));
