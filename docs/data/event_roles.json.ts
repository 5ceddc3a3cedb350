import { eventRolesJson } from "../../loaders/database.ts";

process.stdout.write(await eventRolesJson());
