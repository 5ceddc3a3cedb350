import { graphJson } from "../../loaders/database.ts";

process.stdout.write(await graphJson());
