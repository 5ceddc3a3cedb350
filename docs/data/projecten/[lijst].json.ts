import { paramOf, projectListJson } from "../../../loaders/lists.ts";

process.stdout.write(await projectListJson(paramOf("lijst")));
