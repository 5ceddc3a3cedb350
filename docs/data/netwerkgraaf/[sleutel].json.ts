import { graphScopeJson } from "../../../loaders/database.ts";
import { paramOf } from "../../../loaders/lists.ts";

process.stdout.write(await graphScopeJson(paramOf("sleutel")));
