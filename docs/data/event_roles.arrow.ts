import { queryArrow } from "../../loaders/arrow.ts";
import { sql } from "../../src/db/sql.ts";

const columns = [
  { name: "event_id", type: "text" },
  { name: "person_role", type: "text" },
  { name: "attended", type: "integer" },
] as const;
process.stdout.write(await queryArrow(columns, sql`select * from site_event_roles`));
