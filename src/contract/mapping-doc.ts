/**
 * The Dutch explanation of mapping.json for analysts and the dashboard's Methode page (which
 * renders it): the single source of this text. README.md's analyst section shows the same
 * example; a test keeps the two equal and checks that the example is a valid mapping.
 */

/** The example mapping of spec/contract.md, as an analyst writes it. */
export const mappingExampleJson = `{
  "attendance": {
    "file": "deelnemers-export-*.csv",
    "columns": {
      "event_id": "Evenement ID",
      "event_date": "Datum evenement",
      "organisation_id": "Relatienummer",
      "person_role": "Functie",
      "attended": "Ingecheckt"
    },
    "values": {
      "person_role": { "Directeur": "bestuurder", "Teamleider": "management" },
      "attended": { "Ingecheckt": true, "Niet ingecheckt": false }
    },
    "constants": { "network": "Slimmer Leven" }
  }
}`;

export const mappingTitleNl = "Exports met eigen namen: mapping.json";

const fence = "```";

/** Markdown, without a title (see `mappingTitleNl`); subsections are level-3 headings. */
export const mappingExplanationNl = `Geen CRM of registratietool gebruikt de kolomnamen van de monitor. Met een \`mapping.json\` in
de map met exports vertelt u de monitor welk bestand welke export is, welke kop welke kolom, en
wat de eigen waarden betekenen, zonder de exports zelf te bewerken.

### Voorbeeld

Een registratietool levert \`deelnemers-export-1.csv\` en \`deelnemers-export-2.csv\`, met de koppen
\`Evenement ID\`, \`Datum evenement\`, \`Relatienummer\`, \`Functie\` en \`Ingecheckt\`, en daarnaast
\`Naam\` en \`E-mail\` van de deelnemers. Deze mapping leest ze als \`attendance.csv\`:

${fence}json
${mappingExampleJson}
${fence}

- **De sleutels** zijn de exports van het contract zonder \`.csv\`: \`members\`, \`projects\`,
  \`project_partners\`, \`funding\`, \`attendance\` en \`milestones\`. Een export zonder sleutel wordt
  gelezen zoals altijd.
- **\`file\`** is een bestandsnaam of een patroon met \`*\` (willekeurige tekens) en \`?\` (één teken);
  hoofdletters tellen niet. Passen er meer bestanden, dan worden ze op naamvolgorde als één export
  gelezen (\`export-2\` vóór \`export-10\`), en elke afgewezen rij noemt haar eigen bestand en regel:
  \`deelnemers-export-2.csv regel 14: …\`.
- **\`columns\`** geeft per contractkolom de kop uit het bestand (hoofdletters en spaties eromheen
  tellen niet). Alleen de genoemde koppen worden gelezen: alle andere kolommen, zoals namen,
  e-mailadressen en telefoonnummers van contactpersonen, komen nooit in de database of de uitvoer.
  Zonder \`columns\` worden de koppen herkend aan de namen van het contract.
- **\`values\`** vertaalt per kolom eigen waarden in contractwaarden (hoofdletters en spaties eromheen
  tellen niet; \`""\` staat voor een lege cel). Dat gebeurt vóór de gewone controle: een datum, een
  getal of een ja/nee-waarde wordt daarna gelezen zoals altijd, en een waarde die er niet in staat,
  wordt gewoon gelezen (en afgewezen als de monitor haar niet kent). Ruwe tabellen bewaren de waarde
  zoals ze in het bestand staat.
- **\`constants\`** geeft een kolom één waarde voor alle rijen, bijvoorbeeld het netwerk waarvan het
  CRM is.
- **Een fout in de mapping** (geen geldige JSON, een onbekend bestand of een onbekende kolom, een kop
  die niet in het bestand staat, een waarde die het contract niet kent, een nog lege waarde \`""\`)
  stopt de verversing met exitcode 2 en een melding die de plek noemt, zoals
  \`mapping.json → attendance → columns → event_date: de kop "Datum evenement" staat niet in
  deelnemers-export-1.csv\`. De vorige database en uitvoer blijven dan ongewijzigd.
- \`--mapping BESTAND\` bij \`regiomonitor refresh\` en \`validate\` gebruikt een ander mappingbestand
  dan dat in de map.

### Een eerste mapping laten maken

\`regiomonitor validate --data MAP\` noemt voor een map die niet te lezen is, per verplichte kolom de
koppen die erop lijken: op naam en op de waarden in de eerste rijen (datums, codes, ja/nee,
bekende waarden). \`regiomonitor mapping --data MAP\` schrijft een concept-\`mapping.json\` met die
koppen. Waarden die de monitor niet kent, staan erin met een lege waarde \`""\` om in te vullen,
evenals een verplichte kolom zonder passende kop. Zolang er iets leeg is, stopt de verversing met
een melding per leeg veld. Kijk de voorgestelde koppen na: wat de mapping niet noemt, wordt niet
geladen.
`;
