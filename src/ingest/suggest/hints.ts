import type { FileKey } from "../../contract/index.ts";

/**
 * Header words that CRMs, registration tools and spreadsheets use for a contract column, beyond
 * the contract's own names and aliases. Only used to propose a mapping; never to read a file.
 * Keys are `file.column` or `column` (any file).
 */
export const headerHints: Readonly<Record<string, readonly string[]>> = {
  organisation_id: [
    "relatienummer",
    "relatie id",
    "relatienr",
    "organisatienummer",
    "organisatie nr",
    "klantnummer",
    "debiteurnummer",
    "account id",
    "org id",
  ],
  organisation_name: [
    "naam relatie",
    "relatie",
    "relatienaam",
    "organisatie",
    "organisatienaam",
    "naam organisatie",
    "bedrijfsnaam",
    "instelling",
    "account",
  ],
  network: ["netwerk", "samenwerkingsverband", "cooperatie", "coalitie", "programma"],
  sector: ["branche", "sector", "relatiesoort", "soort relatie", "categorie", "type organisatie"],
  subsector: ["subbranche", "subsector", "specialisatie", "deelsector"],
  municipality_code: ["gemeentecode", "cbs code", "gemeente code"],
  joined_on: ["lid sinds", "lid vanaf", "startdatum", "ingangsdatum", "begindatum", "aanmelddatum"],
  left_on: ["lid tot", "einddatum", "opzegdatum", "uitschrijfdatum", "beeindigd op", "afmelddatum"],
  project_id: ["projectnummer", "project nr", "projectcode"],
  project_name: ["projectnaam", "naam project", "titel"],
  stage: ["fase", "projectfase", "status", "stadium"],
  start_on: ["startdatum", "begindatum", "start"],
  end_on: ["einddatum", "eind", "afgerond op"],
  event_id: [
    "evenement id",
    "evenementnummer",
    "activiteit id",
    "sessie id",
    "event id",
    "bijeenkomstnummer",
  ],
  event_name: [
    "evenement",
    "evenementnaam",
    "naam evenement",
    "activiteit",
    "bijeenkomst",
    "sessie",
  ],
  event_date: ["datum evenement", "evenementdatum", "datum bijeenkomst", "datum", "startdatum"],
  event_type: ["soort evenement", "type evenement", "soort bijeenkomst", "format"],
  person_role: ["functie", "functieniveau", "rol", "niveau", "functiegroep"],
  attended: [
    "ingecheckt",
    "check in",
    "aanwezig",
    "aanwezigheid",
    "present",
    "attended",
    "gescand",
  ],
  amount_eur: ["bedrag", "bedrag eur", "subsidiebedrag", "toegekend bedrag"],
  source_type: ["bron", "financieringsbron", "financier soort", "fonds"],
  year: ["jaar", "boekjaar", "subsidiejaar"],
  kind: ["soort", "soort financiering", "looptijd"],
  status: ["status", "besluit", "stand"],
  due_on: ["deadline", "gepland", "planning", "streefdatum"],
  completed_on: ["gereed op", "afgerond", "gerealiseerd op"],
};

/**
 * Header words of personal data (contact persons): such headers are never proposed for any
 * column, so a draft mapping cannot bring them into the database.
 */
export const personalHeaderWords: readonly string[] = [
  "contact",
  "contactpersoon",
  "voornaam",
  "achternaam",
  "tussenvoegsel",
  "email",
  "e mail",
  "mail",
  "telefoon",
  "telefoonnummer",
  "mobiel",
  "gsm",
  "adres",
  "postcode",
  "geboortedatum",
  "bsn",
];

/**
 * Columns that a source usually has one value for (the network whose CRM it is): without a
 * header for them the draft asks for a constant instead.
 */
export const constantLikely: readonly string[] = ["network", "iza_region"];

/** Words in a file's name that suggest which export it is. */
export const fileNameHints: Readonly<Record<FileKey, readonly string[]>> = {
  members: ["leden", "lid", "relatie", "member", "crm", "organisatie", "account"],
  projects: ["project"],
  project_partners: ["partner", "deelnemende"],
  funding: ["financiering", "subsidie", "funding", "budget"],
  attendance: ["deelnemer", "aanmeld", "registratie", "aanwezig", "evenement", "event", "checkin"],
  milestones: ["mijlpaal", "mijlpalen", "regioplan", "milestone"],
  survey_responses: ["enquete", "survey", "vragenlijst", "antwoorden", "respons"],
  survey_relations: ["relaties", "relations", "partnerbeoordeling"],
};
