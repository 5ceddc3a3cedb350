import { eventListJson, paramOf } from "../../../loaders/lists.ts";

process.stdout.write(await eventListJson(paramOf("lijst")));
