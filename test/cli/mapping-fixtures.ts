import { writeExports } from "../helpers.ts";

/**
 * The same members and attendance rows twice: in the contract's shape, and as a CRM and a
 * registration tool export them (their own file names, headers, values, and contact persons'
 * names, e-mail addresses and phone numbers that must never be loaded). Rows with a problem
 * (FLAWED_*) are kept apart so that a test can leave them out.
 */

export const CONTRACT_MEMBERS = `organisation_id,organisation_name,network,sector,subsector,joined_on,left_on
R001,Zorggroep De Kempen,Slimmer Leven,zorg,ouderenzorg,2020-02-01,
R002,Gemeente Eindhoven,Slimmer Leven,overheid,,2019-06-15,
R003,Fontys Hogeschool,Slimmer Leven,onderwijs,techniek,2021-01-10,2024-12-31
R004,Welzijn Eindhoven,Slimmer Leven,welzijn,,2022-03-01,
R005,Philips,Slimmer Leven,bedrijfsleven,techniek,2020-09-01,
R006,Zorgverzekeraar CZ,Slimmer Leven,zorgverzekeraar,,2023-01-01,
`;

export const CONTRACT_MEMBERS_FLAWED = `R007,Huisartsen Oost,Slimmer Leven,zorg,,31-02-2021,
R008,Stichting Samen,Slimmer Leven,Stichting,,2021-05-01,
R001,Zorggroep De Kempen,Slimmer Leven,zorg,ouderenzorg,2020-02-01,
`;

export const CRM_MEMBERS = `Relatienummer;Naam relatie;Branche;Subbranche;Plaats;Lid sinds;Opzegdatum;Contactpersoon;E-mail;Telefoon
R001;Zorggroep De Kempen;Zorgaanbieder;ouderenzorg;Veldhoven;01-02-2020;;Anna de Vries;anna.devries@dekempen.example;040-2581111
R002;Gemeente Eindhoven;Gemeente;;Eindhoven;15-06-2019;;Bram Jansen;b.jansen@eindhoven.example;040-2382222
R003;Fontys Hogeschool;Hogeschool;techniek;Eindhoven;10-01-2021;31-12-2024;Carla Smit;c.smit@fontys.example;088-5073333
R004;Welzijn Eindhoven;Welzijnsorganisatie;;Eindhoven;01-03-2022;;Dirk Bakker;dirk@welzijn.example;040-2194444
R005;Philips;Bedrijf;techniek;Eindhoven;01-09-2020;;Eva Visser;eva.visser@philips.example;040-2795555
R006;Zorgverzekeraar CZ;Zorgverzekeraar;;Tilburg;01-01-2023;;Frank Mulder;f.mulder@cz.example;013-5946666
`;

export const CRM_MEMBERS_FLAWED = `R007;Huisartsen Oost;Zorgaanbieder;;Helmond;31-02-2021;;Gert Bos;gert@huisartsen.example;0492-777777
R008;Stichting Samen;Stichting;;Best;01-05-2021;;Hanna Kok;hanna@samen.example;0499-888888
R001;Zorggroep De Kempen;Zorgaanbieder;ouderenzorg;Veldhoven;01-02-2020;;Anna de Vries;anna.devries@dekempen.example;040-2581111
`;

export const CONTRACT_ATTENDANCE = `event_id,event_name,event_date,event_type,network,organisation_id,person_role,attended
EV01,Kopgroep januari,2024-01-18,kopgroep,Slimmer Leven,R001,bestuurder,ja
EV01,Kopgroep januari,2024-01-18,kopgroep,Slimmer Leven,R002,management,nee
EV01,Kopgroep januari,2024-01-18,kopgroep,Slimmer Leven,R003,professional,ja
EV01,Kopgroep januari,2024-01-18,kopgroep,Slimmer Leven,,,ja
EV02,Inspiratiesessie zorgtechnologie,2024-03-07,inspiratiesessie,Slimmer Leven,R004,professional,ja
EV02,Inspiratiesessie zorgtechnologie,2024-03-07,inspiratiesessie,Slimmer Leven,R005,student,nee
EV02,Inspiratiesessie zorgtechnologie,2024-03-07,inspiratiesessie,Slimmer Leven,R006,bestuurder,ja
`;

export const CONTRACT_ATTENDANCE_FLAWED = `EV03,Werkgroep data,31-02-2024 10:00,werkgroep,Slimmer Leven,R001,bestuurder,ja
EV03,Werkgroep data,2024-04-02,werkgroep,Slimmer Leven,R003,Stagiair,ja
EV03,Werkgroep data,2024-04-02,werkgroep,Slimmer Leven,R004,professional,ja,te veel
`;

const REGISTRATION_HEADER =
  "Evenement ID,Evenement,Datum evenement,Type,Relatienummer,Organisatie,Naam,E-mail,Functie,Ingecheckt\n";

export const REGISTRATION_1 = `${REGISTRATION_HEADER}EV01,Kopgroep januari,18-01-2024 19:30,kopgroep,R001,Zorggroep De Kempen,Anna de Vries,anna.devries@dekempen.example,Directeur,Ingecheckt
EV01,Kopgroep januari,18-01-2024 19:30,kopgroep,R002,Gemeente Eindhoven,Bram Jansen,b.jansen@eindhoven.example,Teamleider,Niet ingecheckt
EV01,Kopgroep januari,18-01-2024 19:30,kopgroep,R003,Fontys Hogeschool,Carla Smit,c.smit@fontys.example,Beleidsmedewerker,Ingecheckt
EV01,Kopgroep januari,18-01-2024 19:30,kopgroep,,,Ingrid Peters,ingrid.peters@mail.example,,Ingecheckt
`;

export const REGISTRATION_2 = `${REGISTRATION_HEADER}EV02,Inspiratiesessie zorgtechnologie,07-03-2024 15:00,inspiratiesessie,R004,Welzijn Eindhoven,Dirk Bakker,dirk@welzijn.example,Medewerker,Ingecheckt
EV02,Inspiratiesessie zorgtechnologie,07-03-2024 15:00,inspiratiesessie,R005,Philips,Eva Visser,eva.visser@philips.example,Student,Niet ingecheckt
EV02,Inspiratiesessie zorgtechnologie,07-03-2024 15:00,inspiratiesessie,R006,Zorgverzekeraar CZ,Frank Mulder,f.mulder@cz.example,Directeur,Ingecheckt
`;

export const REGISTRATION_2_FLAWED = `EV03,Werkgroep data,31-02-2024 10:00,werkgroep,R001,Zorggroep De Kempen,Anna de Vries,anna.devries@dekempen.example,Directeur,Ingecheckt
EV03,Werkgroep data,02-04-2024 10:00,werkgroep,R003,Fontys Hogeschool,Carla Smit,c.smit@fontys.example,Stagiair,Ingecheckt
EV03,Werkgroep data,02-04-2024 10:00,werkgroep,R004,Welzijn Eindhoven,Dirk Bakker,dirk@welzijn.example,Medewerker,Ingecheckt,te veel
`;

/** Every e-mail address in the exports: none may reach the database or an output file. */
export const EMAILS = [
  ...(
    CRM_MEMBERS +
    CRM_MEMBERS_FLAWED +
    REGISTRATION_1 +
    REGISTRATION_2 +
    REGISTRATION_2_FLAWED
  ).matchAll(/[\w.]+@[\w.]+/g),
].map((m) => m[0]);

/** The mapping an analyst writes for these exports (the contract's own example, completed). */
export const MAPPING = {
  members: {
    file: "crm-relaties.csv",
    columns: {
      organisation_id: "Relatienummer",
      organisation_name: "Naam relatie",
      sector: "Branche",
      subsector: "Subbranche",
      joined_on: "Lid sinds",
      left_on: "Opzegdatum",
    },
    values: {
      sector: { Zorgaanbieder: "zorg", Hogeschool: "onderwijs", Welzijnsorganisatie: "welzijn" },
    },
    constants: { network: "Slimmer Leven" },
  },
  attendance: {
    file: "deelnemers-export-*.csv",
    columns: {
      event_id: "Evenement ID",
      event_name: "Evenement",
      event_date: "Datum evenement",
      event_type: "Type",
      organisation_id: "Relatienummer",
      person_role: "Functie",
      attended: "Ingecheckt",
    },
    values: {
      person_role: {
        Directeur: "bestuurder",
        Teamleider: "management",
        Beleidsmedewerker: "professional",
      },
      attended: { Ingecheckt: true, "Niet ingecheckt": false },
    },
    constants: { network: "Slimmer Leven" },
  },
};

/**
 * The CRM and registration-tool exports with a mapping.json (an object, or text as is; null:
 * none), with or without the flawed rows.
 */
export function toolFolder(mapping: unknown = MAPPING, flawed = true): string {
  return writeExports({
    "crm-relaties.csv": CRM_MEMBERS + (flawed ? CRM_MEMBERS_FLAWED : ""),
    "deelnemers-export-1.csv": REGISTRATION_1,
    "deelnemers-export-2.csv": REGISTRATION_2 + (flawed ? REGISTRATION_2_FLAWED : ""),
    ...(mapping === null
      ? {}
      : {
          "mapping.json": typeof mapping === "string" ? mapping : JSON.stringify(mapping, null, 2),
        }),
  });
}
