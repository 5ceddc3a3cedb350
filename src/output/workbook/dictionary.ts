/**
 * The data dictionary of the output tables (spec/outputs.md) in Dutch: what one row is and what
 * each column holds. The column names and types come from src/output/tables.ts; a test checks
 * that every column of every table is described here.
 */
export interface TableDescription {
  /** Dutch title of the table, e.g. "Indicatoren". */
  readonly title: string;
  /** What one row is. */
  readonly row: string;
  readonly columns: Readonly<Record<string, string>>;
}

const periodEnd = "peildatum (jjjj-mm-dd; in de Excel-versie dd-mm-jjjj)";

export const TABLE_DESCRIPTIONS: Readonly<Record<string, TableDescription>> = {
  indicators: {
    title: "Indicatoren",
    row: "één indicator voor één netwerk, het totaal of een IZA-regio op één peildatum",
    columns: {
      scope_type: "soort bereik: netwerk, totaal of iza_regio",
      scope: "naam van het netwerk of de regio; alle voor het totaal",
      indicator: "id van de indicator (zie de indicatorcatalogus)",
      period_end: periodEnd,
      value:
        "waarde; aandelen als fractie 0–1 (0,25 = 25 %); leeg als de waarde niet te bepalen is",
    },
  },
  indicator_catalog: {
    title: "Indicatorcatalogus",
    row: "één indicator met zijn naam, eenheid, richting, definitie en nieuwsdrempel",
    columns: {
      indicator: "id van de indicator",
      group: "groep: leden, projecten, bijeenkomsten, financiering, iza of enquete",
      name_nl: "Nederlandse naam",
      name_en: "Engelse naam",
      unit: "eenheid: aantal, aandeel, gemiddelde, index, euro of ja/nee",
      direction: "richting: hoger_is_beter, lager_is_beter of neutraal",
      definition_nl: "definitie in het Nederlands",
      news_threshold:
        "kleinste verandering die in de samenvatting (Wat is er veranderd) als nieuws telt: bij aantal, euro en gemiddelde een deel van de eerdere waarde (0,1 = 10 %), anders een verschil in de eenheid (0,05 = 5 procentpunt; 1 bij ja/nee)",
    },
  },
  members_by_sector: {
    title: "Leden per sector",
    row: "het aantal actieve leden van één sector in één netwerk (of alle) op één peildatum",
    columns: {
      scope: "netwerk, of alle",
      period_end: periodEnd,
      sector: "sector van de organisatie",
      organisations: "aantal actieve lidorganisaties",
    },
  },
  projects: {
    title: "Projecten",
    row: "één project, op de peildatum",
    columns: {
      project_id: "id van het project",
      project_name: "naam van het project",
      network: "netwerk",
      theme: "eigen themalijn van het netwerk",
      iza_theme: "thema van het IZA-regioplan waar het project aan bijdraagt",
      stage: "fase: idee, pilot, opschaling, structureel of gestopt",
      start_on: "startdatum",
      end_on: "(geplande) einddatum; leeg als die niet bekend is",
      partners: "aantal partners, inclusief de penvoerder",
      sectors: "bekende sectoren van de partners, gescheiden door komma's",
      funding_total_eur: "toegekende financiering over alle jaren, in euro",
      funded_until_year: "laatste jaar met toegekende financiering",
      structural_share: "deel van de toegekende financiering dat structureel is (0–1)",
    },
  },
  funding_by_source: {
    title: "Financiering per bron",
    row: "toegekende financiering van één netwerk in één jaar uit één soort bron",
    columns: {
      network: "netwerk",
      year: "jaar",
      source_type: "soort bron, bijv. gemeente, provincie, rijk, zorgverzekeraar",
      kind: "incidenteel of structureel",
      amount_eur: "bedrag in euro",
    },
  },
  events: {
    title: "Bijeenkomsten",
    row: "één bijeenkomst",
    columns: {
      event_id: "id van de bijeenkomst",
      event_name: "naam van de bijeenkomst",
      event_date: "datum",
      event_type: "soort bijeenkomst, bijv. kopgroep, werkgroep",
      network: "netwerk; leeg voor een bijeenkomst van alle netwerken samen",
      registrations: "aantal aanmeldingen",
      attended: "aantal aanwezigen",
      organisations: "aantal verschillende organisaties met ten minste één aanwezige",
    },
  },
  member_activity: {
    title: "Activiteit van leden",
    row: "één lidmaatschapsperiode van een organisatie in een netwerk",
    columns: {
      organisation_id: "id van de organisatie",
      organisation_name: "naam van de organisatie",
      network: "netwerk",
      sector: "sector",
      municipality_code: "CBS-gemeentecode (GM0772)",
      joined_on: "lid sinds",
      left_on: "lid tot; leeg als het lidmaatschap loopt",
      active_projects: "aantal lopende projecten op de peildatum waarin de organisatie partner is",
      attended_12m: "aantal keren aanwezig in de twaalf maanden tot en met de peildatum",
      last_activity_on: "datum van de laatste bijeenkomst waarop de organisatie aanwezig was",
    },
  },
  iza_progress: {
    title: "IZA-voortgang",
    row: "de mijlpalen van één regio en één thema van het IZA-regioplan, op de peildatum",
    columns: {
      iza_region:
        "regio zoals opgegeven (naam of code van een zorgkantoorregio, of een eigen naam)",
      iza_theme: "thema van het regioplan",
      milestones: "aantal mijlpalen (geschrapte niet meegeteld)",
      completed: "aantal gereed op de peildatum",
      due: "aantal met een deadline op of vóór de peildatum",
      on_time: "aantal op tijd gereed",
      overdue: "aantal achterstallig: deadline verstreken en niet gereed",
    },
  },
  survey_factors: {
    title: "Enquêtefactoren",
    row: "één belemmering of succesfactor uit één enquêteronde van één netwerk (alleen ronden met ten minste 5 respondenten)",
    columns: {
      network: "netwerk",
      round_on: "sluitingsdatum van de enquêteronde",
      kind: "belemmering of succesfactor",
      factor: "de genoemde belemmering of succesfactor, bijv. financiering, gedeelde_visie",
      respondents: "aantal respondenten dat deze factor noemde",
      share:
        "aandeel van alle respondenten van de ronde (ook wie niets noemde) dat deze factor noemde (0–1)",
    },
  },
  signals: {
    title: "Signalen",
    row: "één signaal: iets dat aandacht vraagt",
    columns: {
      signal: "soort signaal, bijv. verduurzaming_risico, slapend_lid, mijlpaal_achterstallig",
      severity: "ernst: hoog, middel of laag",
      scope_type: "soort bereik: netwerk, totaal of iza_regio",
      scope: "netwerk of regio",
      subject_id: "id van het project, de organisatie, de mijlpaal of de indicator",
      message_nl: "toelichting in het Nederlands",
    },
  },
  summaries: {
    title: "Samenvattingen",
    row: "één zin van de samenvatting 'Wat is er veranderd' van een netwerk, een IZA-regio of alle netwerken",
    columns: {
      scope_type: "soort bereik: netwerk, totaal of iza_regio",
      scope: "naam van het netwerk of de regio; alle voor het totaal",
      position: "plaats van de zin in de samenvatting (1 = belangrijkst)",
      indicator_or_signal: "id van de indicator of de soort signaal waar de zin over gaat",
      sentence_nl: "de zin in het Nederlands",
    },
  },
  data_quality: {
    title: "Datakwaliteit",
    row: "één exportbestand van de laatste verversing",
    columns: {
      file: "naam van het bestand",
      status: "ok, absent (ontbreekt) of unusable (onbruikbaar)",
      rows_read: "aantal gelezen rijen",
      rows_loaded: "aantal geladen rijen",
      rows_rejected: "aantal afgewezen rijen",
      warnings: "aantal waarschuwingen",
      note: "toelichting: tekenset, scheidingsteken, waarschuwingen",
    },
  },
  rejects: {
    title: "Afgewezen rijen",
    row: "één afgewezen rij van een exportbestand",
    columns: {
      file: "naam van het bestand",
      line: "regelnummer in het bestand (de kopregel is regel 1)",
      column: "kolom met het probleem",
      value: "de waarde zoals die in het bestand stond",
      reason: "reden (code), bijv. invalid_date, missing_value",
      message_nl: "uitleg in het Nederlands",
    },
  },
  // "Sinds de vorige verversing" (issue 16 point 2)
  changes: {
    title: "Wijzigingen",
    row: "één verschil met de vorige verversing: per exportbestand, per verschoven indicator, per nieuw of opgelost signaal, plus één regel over de vergelijking zelf",
    columns: {
      section:
        "soort regel: vergelijking, export, indicator of signaal (vergelijking met wijziging geen_vorige: er was geen vorige verversing)",
      subject:
        "het exportbestand, de indicator (id) of het signaal; vorige_verversing bij vergelijking",
      scope_type: "soort bereik van de indicator of het signaal: netwerk, totaal of iza_regio",
      scope: "naam van het netwerk of de regio; alle voor het totaal",
      subject_id: "waar het signaal over gaat (project, organisatie, mijlpaal of indicator)",
      change:
        "wat er veranderde: vergeleken of geen_vorige; gewijzigd of ongewijzigd (export); gestegen, gedaald, nieuw of vervallen (indicator); nieuw of opgelost (signaal)",
      severity: "ernst van het signaal: hoog, middel of laag",
      added:
        "rijen toegevoegd (op de sleutel van het bestand; aanwezigheid: het aantal rijen per bijeenkomst)",
      removed: "rijen verwijderd (idem)",
      changed:
        "rijen met dezelfde sleutel en een andere inhoud; aanwezigheid: verschil in aanwezigen bij bijeenkomsten met evenveel rijen",
      old_period_end: "peildatum van de vorige verversing",
      old_value: "waarde van de indicator bij de vorige verversing; leeg als die er niet was",
      new_period_end: "peildatum van deze verversing",
      new_value: "waarde van de indicator nu; leeg als die er niet meer is",
      message_nl: "uitleg in het Nederlands (bij een signaal: de tekst van het signaal)",
    },
  },
};

/** Dutch names of the column types of the outputs and the contract. */
export const TYPE_LABELS: Readonly<Record<string, string>> = {
  text: "tekst",
  integer: "geheel getal",
  number: "getal",
  date: "datum",
  boolean: "ja/nee",
  vocabulary: "keuzelijst",
  municipality: "gemeentecode",
  list: "meerkeuzelijst",
};
