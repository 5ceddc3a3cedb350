import { projectsSummaryJson } from "../../loaders/lists.ts";

process.stdout.write(await projectsSummaryJson());
