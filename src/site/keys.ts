import { join, sql, type Sql } from "../db/sql.ts";

/**
 * The file key of the rows without a network (meetings across networks). Never a network's
 * slug: slugify collapses every run of other characters into one "-".
 */
export const NO_NETWORK = "zonder--netwerk";

/** The file key of the scope "alle netwerken" (its graph): never a network's slug either. */
export const ALL_KEY = "alle--netwerken";

/**
 * The URL slug of a network name: lower case, diacritics removed, every run of other characters
 * than a–z and 0–9 replaced by one `-`, no `-` at either end ("CIC West-Brabant" → "cic-west-brabant").
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * `site_keys`: the file key of every network (its slug), of the rows without a network
 * (network null) and of the scope "alle" (scope_type totaal). The per-scope marts are keyed by
 * these, so that a loader selects one scope's payload by the key in its route.
 */
export function siteKeysSql(networks: readonly string[]): Sql {
  const rows = [
    sql`('totaal', 'alle', null, ${ALL_KEY})`,
    sql`(null, null, null, ${NO_NETWORK})`,
    ...networks.map((n) => sql`('netwerk', ${n}, ${n}, ${slugify(n)})`),
  ];
  return sql`
create or replace table site_keys as
select scope_type::varchar as scope_type, scope::varchar as scope, network::varchar as network,
  key::varchar as key
from (values ${join(rows)}) as t(scope_type, scope, network, key)`;
}
