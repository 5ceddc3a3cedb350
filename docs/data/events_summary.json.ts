import { eventsSummaryJson } from "../../loaders/lists.ts";

process.stdout.write(await eventsSummaryJson());
