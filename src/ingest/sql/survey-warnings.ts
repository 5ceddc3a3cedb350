import { sql } from "../../db/sql.ts";

/**
 * Warnings about the partner survey (spec/survey.md): a network that no other export names
 * (it loads but counts nowhere), a rated partner that is not a member of the respondent's
 * network (an external party), and a small round close to another round of the same network
 * (probably a mistyped date). One warning per subject, on its first line. Reads `networks`
 * (networks.ts).
 */
export const surveyWarningsSql = sql`
insert into warnings
with unknown as (
  select network, min(line) as line, count(*) as n from survey_responses
  where network not in (select network from networks) group by all
)
select 'survey_responses.csv', line, 'network', network, 'onbekend_netwerk',
  'Netwerk "' || network || '" komt in geen ander bestand voor (niet in leden, projecten of aanwezigheid); de '
  || n || case when n = 1 then ' antwoord telt' else ' antwoorden tellen' end || ' nergens mee.'
from unknown order by line;
insert into warnings
with external as (
  select rel.partner_organisation_id, r.network, min(rel.line) as line, count(*) as n
  from survey_relations as rel join survey_responses as r using (response_id)
  where not exists (
    select 1 from members as m
    where m.organisation_id = rel.partner_organisation_id and m.network = r.network
  )
  group by all
)
select 'survey_relations.csv', line, 'partner_organisation_id', partner_organisation_id,
  'externe_organisatie',
  'Partner "' || partner_organisation_id || '" is geen lid van ' || network || ' (externe partij; '
  || n || case when n = 1 then ' rij)' else ' rijen)' end
from external order by line;
insert into warnings
with rounds as (
  select network, round_on, count(*) as n, min(line) as line from survey_responses group by all
),
close as (
  select a.network, a.round_on, a.n, a.line, min(b.round_on) as other
  from rounds as a join rounds as b
    on a.network = b.network and a.round_on <> b.round_on
    and abs(datediff('day', a.round_on, b.round_on)) <= 31
  where a.n < 3
  group by all
)
select 'survey_responses.csv', line, 'round_on', strftime(round_on, '%d-%m-%Y'), 'ronde_verdacht',
  'Ronde van ' || strftime(round_on, '%d-%m-%Y') || ' van ' || network || ' heeft maar ' || n ||
  case when n = 1 then ' antwoord' else ' antwoorden' end || ' en ligt binnen 31 dagen van de ronde van '
  || strftime(other, '%d-%m-%Y') || ': mogelijk een verkeerd getypte datum.'
from close order by line;`;
