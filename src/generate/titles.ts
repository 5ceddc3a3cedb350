import type { Random } from "./random.ts";

/** Invented project topics per theme line; names are a topic, often with a place. */
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  "Gezond leven": [
    "Beweegmaatje",
    "Gezonde schoolkantine",
    "Leefstijlcoaching",
    "Samen fit",
    "Gezond ouder worden",
  ],
  "Langer thuis": [
    "Valpreventie thuis",
    "Thuismonitoring hartfalen",
    "Domotica in de huurwoning",
    "Mantelzorg op afstand",
    "Zorgrobot in de huiskamer",
  ],
  "Digitale zorg": [
    "Beeldbellen met de wijkverpleging",
    "Digitaal zorgplatform",
    "Thuismeten COPD",
    "Medicijndispenser op afstand",
    "Patiëntportaal eerste lijn",
  ],
  Arbeidsmarkt: [
    "Zij-instroom zorg",
    "Leerwerkplekken",
    "Anders roosteren",
    "Werkplezier in de wijk",
  ],
  Preventie: [
    "Eenzaamheid voorkomen",
    "Valpreventie",
    "Gezonde wijk",
    "Vroegsignalering schulden en gezondheid",
  ],
  "Slimme wijk": [
    "Sensoren in de wijk",
    "Ideeënlab slimme wijk",
    "Buurtapp",
    "Slimme straatverlichting",
  ],
  "Zorg en biobased": [
    "Biobased incontinentiemateriaal",
    "Hennepvezel verband",
    "Circulair zorgtextiel",
    "Biobased medicijnverpakking",
  ],
  Zorglogistiek: [
    "Duurzame zorglogistiek",
    "Medicijnkoerier per e-bike",
    "Gedeeld magazijn hulpmiddelen",
    "Retourstroom hulpmiddelen",
  ],
  Zorgtechnologie: [
    "Slimme matras",
    "Tiltechniek op maat",
    "Exoskelet voor de verpleging",
    "Leefstijlsensoren",
  ],
  "Creatieve zorg": [
    "Serious game revalidatie",
    "Kunst in de zorg",
    "VR-belevingsruimte dementie",
    "Ontwerpen met cliënten",
  ],
  "Opleiden in de praktijk": [
    "Leerafdeling",
    "Praktijkleren mbo-zorg",
    "Samen opleiden",
    "Stagematch",
  ],
  "Leven lang ontwikkelen": [
    "Scholingsbudget zorg en welzijn",
    "Microcredentials zorg",
    "Loopbaanpad verpleging",
  ],
  "Zorgtalent behouden": ["Behoud jonge professionals", "Mentorprogramma", "Werkplezierscan"],
  "Anders werken": ["Taakherschikking", "Hybride werken in de zorg", "Zelfroosteren"],
  "Samen in de wijk": ["Wijkteam 2.0", "Huiskamer van de wijk", "Buurtcirkel"],
  "Mentale gezondheid": ["Mentale fitheid jongeren", "Praathuis", "Ggz in de wijk"],
  "Wonen en zorg": ["Geclusterd wonen", "Hofje voor ouderen", "Zorgzame buurt"],
  "Acute zorg": ["Acute zorg dichtbij", "Regionale triage", "Spoedplein"],
};

/**
 * Fixed names for the first projects of the regio set, so the sample always holds the cases a
 * parser must survive: a comma, a line break and quotes inside a field, and diacritics.
 */
export const SPECIAL_PROJECTS: readonly { readonly name: string; readonly theme: string }[] = [
  { name: "Samen gezond in Nuenen, Gerwen en Nederwetten", theme: "Gezond leven" },
  { name: "Thuismonitoring COPD\nvervolg op pilot 2021", theme: "Digitale zorg" },
  { name: 'Project "Beweegmaatje" Helmond', theme: "Gezond leven" },
  { name: "Ideeënlab slimme wijk Geldrop-Mierlo", theme: "Slimme wijk" },
  { name: "Coöperatief zorgen in Asten", theme: "Langer thuis" },
  { name: "Café Dementie Veldhoven", theme: "Preventie" },
];

export function projectName(random: Random, theme: string, place: string): string {
  const topic = random.pick(TOPICS[theme] ?? ["Samenwerkingsproject"]);
  const x = random.next();
  if (x < 0.5) return `${topic} ${place}`;
  if (x < 0.75) return topic;
  return `${topic} ${place} ${random.pick(["fase 2", "(vervolg)", "2.0", "opschaling"])}`;
}

const SESSION_TOPICS: readonly string[] = [
  "wonen, welzijn en zorg",
  "de patiënt als regisseur",
  "ideeën uit de wijk",
  "zorgtechnologie in de praktijk",
  "langer thuis, slimmer leven",
  "preventie loont",
  "werken in de zorg van morgen",
  "samen leren met het mbo",
];

/** The name of a meeting, as registration tools print it. */
export function eventName(
  random: Random,
  type: string,
  network: string | null,
  theme: string,
  year: number,
): string {
  const topic = random.pick(SESSION_TOPICS);
  if (network === null) {
    return type === "netwerkdag"
      ? `Regionale netwerkdag ${year}`
      : `Gezamenlijke inspiratiesessie: ${topic}`;
  }
  switch (type) {
    case "kopgroep":
      return `Kopgroep ${network}`;
    case "bestuurlijk overleg":
      return `Bestuurlijk overleg ${network}`;
    case "werkgroep":
      return `Werkgroep ${theme}`;
    case "netwerkdag":
      return `Netwerkdag ${network} ${year}`;
    case "masterclass":
      return `Masterclass ${theme.toLowerCase()}`;
    case "online sessie":
      return `Online sessie: ${topic}`;
    default:
      return `Inspiratiesessie: ${topic}`;
  }
}

export const MILESTONE_TITLES: readonly string[] = [
  "Regiobeeld vastgesteld",
  "Regioplan ingediend bij de IZA-tafel",
  "Transformatieplan goedgekeurd",
  "Eerste 500 cliënten met thuismonitoring",
  "Gezamenlijk opleidingsplan vastgesteld",
  "Wijkteams werken met één zorgplan",
  "Regionale arbeidsmarktagenda gestart",
  "Afspraken huisartsen en ziekenhuis over verwijzingen",
  "Valpreventieprogramma in alle gemeenten",
  "Digitale gegevensuitwisseling in gebruik",
  "Evaluatie eerste tranche afgerond",
  "Structurele financiering geborgd",
  "Ouderenzorgcoalitie opgericht",
  "Netwerk mentale gezondheid in elke gemeente",
  "Overzicht wachttijden gepubliceerd",
];
