import { surveyRelations, surveyResponses } from "./survey-files.ts";
import type { ColumnSpec, FileSpec } from "./types.ts";

const text = (name: string, aliases: string[], required: boolean, note_nl = ""): ColumnSpec => ({
  name,
  aliases,
  type: "text",
  required,
  note_nl,
});

/** members.csv: one membership spell of an organisation in a network. */
export const members: FileSpec = {
  key: "members",
  file: "members.csv",
  dutchFile: "leden.csv",
  required: true,
  row_nl: "één lidmaatschapsperiode van een organisatie in een netwerk",
  key_columns: ["organisation_id", "network", "joined_on"],
  columns: [
    text("organisation_id", ["organisatie_id"], true, "vast id uit het CRM"),
    text("organisation_name", ["organisatie", "naam"], true),
    text("network", ["netwerk"], true, "bijv. Slimmer Leven, CIC West-Brabant, Zorgpact Kopgroep"),
    {
      name: "sector",
      aliases: ["sector"],
      type: "vocabulary",
      vocabulary: "sector",
      required: true,
      note_nl: "zie Sectoren",
    },
    text("subsector", ["subsector", "branche"], false, "bijv. biobased, logistiek, techniek"),
    {
      name: "municipality_code",
      aliases: ["gemeentecode"],
      type: "municipality",
      required: false,
      note_nl: "CBS-code GM0772; 772 of 0772 wordt GM0772",
    },
    {
      name: "joined_on",
      aliases: ["lid_sinds", "startdatum"],
      type: "date",
      required: true,
      note_nl: "",
    },
    {
      name: "left_on",
      aliases: ["lid_tot", "einddatum"],
      type: "date",
      required: false,
      notBefore: { column: "joined_on", strict: true },
      note_nl: "moet na lid_sinds liggen",
    },
  ],
};

/** projects.csv: one project. */
export const projects: FileSpec = {
  key: "projects",
  file: "projects.csv",
  dutchFile: "projecten.csv",
  required: false,
  row_nl: "één project",
  key_columns: ["project_id"],
  columns: [
    text("project_id", ["project_id"], true),
    text("project_name", ["projectnaam", "naam"], true),
    text("network", ["netwerk"], true),
    text("theme", ["themalijn", "thema"], false, "de eigen themalijn van het netwerk"),
    text("iza_theme", ["iza_thema"], false, "het regioplan-thema waar het project aan bijdraagt"),
    {
      name: "stage",
      aliases: ["fase"],
      type: "vocabulary",
      vocabulary: "stage",
      required: true,
      note_nl: "zie Fasen",
    },
    text("lead_organisation_id", ["penvoerder_id"], false, "telt als partner"),
    { name: "start_on", aliases: ["startdatum"], type: "date", required: true, note_nl: "" },
    {
      name: "end_on",
      aliases: ["einddatum"],
      type: "date",
      required: false,
      notBefore: { column: "start_on", strict: false },
      note_nl: "op of na startdatum",
    },
  ],
};

/** project_partners.csv: one organisation taking part in one project. */
export const projectPartners: FileSpec = {
  key: "project_partners",
  file: "project_partners.csv",
  dutchFile: "projectpartners.csv",
  required: false,
  row_nl: "één organisatie die deelneemt aan één project",
  key_columns: ["project_id", "organisation_id"],
  columns: [
    {
      ...text("project_id", ["project_id"], true, "moet bestaan in projects.csv"),
      refersToProject: true,
    },
    text("organisation_id", ["organisatie_id"], true, "een lid, of een externe partij"),
    text("role", ["rol"], false, "penvoerder, partner, …"),
    {
      name: "sector",
      aliases: ["sector"],
      type: "vocabulary",
      vocabulary: "sector",
      required: false,
      note_nl: "alleen gebruikt als de organisatie niet in members.csv staat",
    },
  ],
};

/** funding.csv: one funding line (one source, one year, one project). */
export const funding: FileSpec = {
  key: "funding",
  file: "funding.csv",
  dutchFile: "financiering.csv",
  required: false,
  row_nl: "één financieringsregel: één bron, één jaar, één project",
  key_columns: ["funding_id"],
  columns: [
    text("funding_id", ["financiering_id"], true),
    {
      ...text("project_id", ["project_id"], true, "moet bestaan in projects.csv"),
      refersToProject: true,
    },
    {
      name: "source_type",
      aliases: ["bron"],
      type: "vocabulary",
      vocabulary: "source_type",
      required: true,
      note_nl: "zie Financieringsbronnen",
    },
    text(
      "funder_organisation_id",
      ["financier_id"],
      false,
      "een partner die meefinanciert (eigen bijdrage)",
    ),
    {
      name: "year",
      aliases: ["jaar"],
      type: "integer",
      required: true,
      min: 1990,
      max: 2100,
      note_nl: "1990–2100",
    },
    {
      name: "amount_eur",
      aliases: ["bedrag"],
      type: "number",
      required: true,
      min: 0,
      note_nl: "≥ 0",
    },
    {
      name: "kind",
      aliases: ["soort"],
      type: "vocabulary",
      vocabulary: "kind",
      required: true,
      note_nl: "incidenteel of structureel",
    },
    {
      name: "status",
      aliases: ["status"],
      type: "vocabulary",
      vocabulary: "status",
      required: true,
      note_nl: "alleen toegekend telt mee",
    },
  ],
};

/** attendance.csv: one registration of one person for one meeting. */
export const attendance: FileSpec = {
  key: "attendance",
  file: "attendance.csv",
  dutchFile: "aanwezigheid.csv",
  required: false,
  row_nl: "één aanmelding van één persoon voor één bijeenkomst",
  key_columns: [],
  columns: [
    text("event_id", ["bijeenkomst_id"], true),
    text("event_name", ["bijeenkomst"], false),
    { name: "event_date", aliases: ["datum"], type: "date", required: true, note_nl: "" },
    text("event_type", ["type"], false, "kopgroep, inspiratiesessie, werkgroep, …"),
    text("network", ["netwerk"], false, "leeg: de bijeenkomst hoort bij geen enkel netwerk"),
    text("organisation_id", ["organisatie_id"], false, "leeg: een persoon zonder organisatie"),
    {
      name: "person_role",
      aliases: ["rol", "functieniveau"],
      type: "vocabulary",
      vocabulary: "person_role",
      required: false,
      emptyValue: "overig",
      note_nl: "zie Functieniveaus; leeg = overig",
    },
    {
      name: "attended",
      aliases: ["aanwezig"],
      type: "boolean",
      required: true,
      note_nl: "onwaar = aangemeld maar afwezig",
    },
  ],
};

/** milestones.csv: one milestone of a regional plan (IZA regioplan). */
export const milestones: FileSpec = {
  key: "milestones",
  file: "milestones.csv",
  dutchFile: "mijlpalen.csv",
  required: false,
  row_nl: "één mijlpaal van een regioplan (IZA)",
  key_columns: ["milestone_id"],
  columns: [
    text("milestone_id", ["mijlpaal_id"], true),
    text(
      "iza_region",
      ["iza_regio", "regio"],
      true,
      "naam of code (ZK30) van een zorgkantoorregio koppelt aan de kaart",
    ),
    text("iza_theme", ["iza_thema"], true),
    text("title", ["titel", "omschrijving"], true),
    text("project_id", ["project_id"], false, "het project dat de mijlpaal draagt"),
    { name: "due_on", aliases: ["deadline", "gepland"], type: "date", required: true, note_nl: "" },
    {
      name: "completed_on",
      aliases: ["gereed_op", "afgerond"],
      type: "date",
      required: false,
      note_nl: "",
    },
    {
      name: "cancelled",
      aliases: ["geschrapt"],
      type: "boolean",
      required: false,
      note_nl: "leeg = onwaar",
    },
  ],
};

/** All files, in load order: files that others refer to come first. */
export const files: readonly FileSpec[] = [
  members,
  projects,
  projectPartners,
  funding,
  attendance,
  milestones,
  surveyResponses,
  surveyRelations,
];
