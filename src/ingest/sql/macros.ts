/**
 * SQL macros that parse the contract's dialect in bulk (spec/contract.md, "Dialect"). They are
 * the single implementation of value parsing: staging SQL calls them, tests call them through
 * DuckDB. Each returns NULL for an empty or unparseable value; the staging SQL tells the two apart.
 */

import { booleanWords } from "../../contract/index.ts";
import { literal, trusted } from "../../db/sql.ts";

/** White space as the exports have it: ASCII white space and the no-break space. */
const WS = String.raw`[\s\x{00A0}\x{202F}]`;
/**
 * A map literal of boolean words: not an IN list, which DuckDB plans as a join per use, nor a
 * CASE over a column, which flattens a dictionary-compressed one (issue 12).
 */
const wordMap = (words: readonly (readonly [string, boolean])[]) =>
  `map {${words.map(([w, value]) => `${literal(w).text}: ${value}`).join(", ")}}`;
const word = (value: boolean) => (w: string) => [w, value] as const;
const ALL_WORDS = wordMap([
  ...booleanWords.true.map(word(true)),
  ...[...booleanWords.false, ""].map(word(false)),
]);
const LISTED_WORDS = wordMap([
  ...booleanWords.true.map(word(true)),
  ...booleanWords.false.map(word(false)),
]);

/**
 * The macros' text: trusted SQL, since every piece interpolated below is a constant of this code
 * (regular expressions in raw strings, the contract's boolean words as literals).
 */
export const macrosSql = trusted(String.raw`
-- free text: trimmed, inner runs of white space folded to one space, empty = NULL
create or replace macro rm_text(s) as
  nullif(regexp_replace(regexp_replace(s, '^${WS}+|${WS}+$', '', 'g'), '${WS}+', ' ', 'g'), '');

-- vocabulary comparison key: lower case, runs of spaces, '-' and '_' become one '_'
create or replace macro rm_key(s) as
  nullif(regexp_replace(lower(rm_text(s)), '[ _-]+', '_', 'g'), '');

-- dates: ISO (optionally with a time, dropped) or Dutch day-month-year with '-' or '/'
create or replace macro rm_date_t(t) as case
  when regexp_full_match(t, '\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?')
    then try_strptime(regexp_extract(t, '^\d{4}-\d{1,2}-\d{1,2}'), '%Y-%m-%d')::date
  when regexp_full_match(t, '\d{1,2}-\d{1,2}-\d{4}( \d{1,2}:\d{2}(:\d{2})?)?')
    then try_strptime(regexp_extract(t, '^\d{1,2}-\d{1,2}-\d{4}'), '%d-%m-%Y')::date
  when regexp_full_match(t, '\d{1,2}/\d{1,2}/\d{4}( \d{1,2}:\d{2}(:\d{2})?)?')
    then try_strptime(regexp_extract(t, '^\d{1,2}/\d{1,2}/\d{4}'), '%d/%m/%Y')::date
end;
create or replace macro rm_date(s) as rm_date_t(rm_text(s));

-- numbers: decimal comma or point; a lone separator followed by exactly three digits, or a
-- separator that occurs more than once, groups thousands; where both occur the last is decimal
-- (and must occur once). A euro sign, spaces and a Dutch ',-' ending are allowed.
create or replace macro rm_num_clean(s) as
  regexp_replace(regexp_replace(coalesce(s, ''), '${WS}|€|(?i:eur)', '', 'g'), '[.,]-$', '');
create or replace macro rm_num_last(t, c) as
  case when strpos(t, c) = 0 then 0 else length(t) - strpos(reverse(t), c) + 1 end;
create or replace macro rm_num_count(t, c) as length(t) - length(replace(t, c, ''));
create or replace macro rm_num_norm(t) as case
  when not regexp_full_match(t, '[-+]?[0-9.,]*[0-9][0-9.,]*') then null
  when rm_num_count(t, '.') > 0 and rm_num_count(t, ',') > 0 then case
    when rm_num_last(t, ',') > rm_num_last(t, '.') and rm_num_count(t, ',') = 1
      then replace(replace(t, '.', ''), ',', '.')
    when rm_num_last(t, '.') > rm_num_last(t, ',') and rm_num_count(t, '.') = 1
      then replace(t, ',', '')
  end
  when rm_num_count(t, '.') > 1 then replace(t, '.', '')
  when rm_num_count(t, ',') > 1 then replace(t, ',', '')
  when regexp_full_match(t, '[^.]*\.[0-9]{3}') then replace(t, '.', '')
  when regexp_full_match(t, '[^,]*,[0-9]{3}') then replace(t, ',', '')
  else replace(t, ',', '.')
end;
create or replace macro rm_number(s) as try_cast(rm_num_norm(rm_num_clean(s)) as double);

-- booleans: ja/nee, j/n, yes/no, y/n, true/false, waar/onwaar, 1/0, x/(empty); empty = false;
-- anything else NULL (invalid)
create or replace macro rm_bool_t(t) as map_extract_value(${ALL_WORDS}, t);
create or replace macro rm_bool(s) as rm_bool_t(coalesce(lower(rm_text(s)), ''));

-- Fast paths (issue 12): the same results as the macros above, with one cheap test that lets a
-- value already in its canonical form through without the regular expressions that rewrite it.
-- They matter where values are not dictionary-compressed (a file typed while it is read).
-- blank: NULL, empty or only white space (rm_text(s) is null)
create or replace macro rm_blank(s) as s is null or regexp_full_match(s, '${WS}*');
-- text without white space to trim or fold is itself
create or replace macro rm_text_f(s) as case
  when s <> '' and not regexp_matches(s, '[\t\n\f\r\x{00A0}\x{202F}]|  |^ | $') then s
  else rm_text(s)
end;
-- an ISO date that reads back as itself
create or replace macro rm_date_f(s) as case
  when length(s) = 10 and left(s, 1) between '0' and '9'
    and try_cast(s as date)::varchar = s then try_cast(s as date)
  else rm_date(s)
end;
-- a number written as digits only is those digits (no sign, separator or space: DuckDB's own
-- cast would also take 1_000 or 1e3, which rm_number rejects or reads otherwise)
create or replace macro rm_number_f(s) as case
  when s <> '' and ltrim(s, '0123456789') = '' then try_cast(s as double)
  else rm_number(s)
end;
-- a boolean word as it is listed (a CASE, not coalesce: DuckDB hoists common subexpressions out
-- of a coalesce, which ran the slow path's regular expressions on every row; issue 12)
create or replace macro rm_bool_f(s) as case
  when map_contains(${LISTED_WORDS}, s) then map_extract_value(${LISTED_WORDS}, s)
  else rm_bool(s)
end;

-- CBS gemeente codes: GM0772, 772 or 0772 become GM0772
create or replace macro rm_gemeente_t(t) as case
  when regexp_full_match(t, '(GM)?[0-9]{1,4}') then 'GM' || lpad(regexp_extract(t, '[0-9]+$'), 4, '0')
end;
create or replace macro rm_gemeente(s) as rm_gemeente_t(upper(replace(coalesce(rm_text(s), ''), ' ', '')));
`);
