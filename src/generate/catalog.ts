import type { Sector } from "./model.ts";

// The invented free-text vocabularies of the set: theme lines, IZA themes and subsectors.

/** The themes of the IZA regioplannen that projects and milestones refer to. */
export const IZA_THEMES: readonly string[] = [
  "Passende zorg",
  "Samenwerking in de regio",
  "Digitale en hybride zorg",
  "Arbeidsmarkt en werkplezier",
  "Preventie en gezondheid",
  "Ouderenzorg en wonen",
  "Eerstelijnszorg",
  "Sociaal domein en ggz",
];

/** Subsectors per sector; CIC West-Brabant uses its own list for bedrijfsleven. */
export const SUBSECTORS: Readonly<Partial<Record<Sector, readonly string[]>>> = {
  zorg: [
    "ouderenzorg",
    "huisartsenzorg",
    "ziekenhuiszorg",
    "wijkverpleging",
    "ggz",
    "gehandicaptenzorg",
  ],
  welzijn: ["welzijnswerk", "mantelzorgondersteuning", "jeugd", "sport en bewegen"],
  onderwijs: ["mbo", "hbo", "wo", "vo"],
  kennisinstelling: ["universiteit", "lectoraat", "onderzoeksinstituut"],
  overheid: ["gemeente", "provincie", "ggd"],
  bedrijfsleven: ["techniek", "ict", "bouw", "adviesbureau"],
  burgers: ["burgerinitiatief", "patiëntenorganisatie", "zorgcoöperatie"],
};

/** Theme lines the zorgkantoorregio networks of the landelijk set choose from. */
export const REGIONAL_THEMES: readonly string[] = [
  "Gezond leven",
  "Langer thuis",
  "Digitale zorg",
  "Arbeidsmarkt",
  "Preventie",
  "Samen in de wijk",
  "Mentale gezondheid",
  "Wonen en zorg",
  "Acute zorg",
];

/** The IZA theme a theme line most often serves. */
export const THEME_TO_IZA: Readonly<Record<string, string>> = {
  "Gezond leven": "Preventie en gezondheid",
  "Langer thuis": "Ouderenzorg en wonen",
  "Digitale zorg": "Digitale en hybride zorg",
  Arbeidsmarkt: "Arbeidsmarkt en werkplezier",
  Preventie: "Preventie en gezondheid",
  "Slimme wijk": "Samenwerking in de regio",
  "Zorg en biobased": "Passende zorg",
  Zorglogistiek: "Samenwerking in de regio",
  Zorgtechnologie: "Digitale en hybride zorg",
  "Creatieve zorg": "Passende zorg",
  "Samen in de wijk": "Sociaal domein en ggz",
  "Mentale gezondheid": "Sociaal domein en ggz",
  "Wonen en zorg": "Ouderenzorg en wonen",
  "Acute zorg": "Eerstelijnszorg",
  "Opleiden in de praktijk": "Arbeidsmarkt en werkplezier",
  "Leven lang ontwikkelen": "Arbeidsmarkt en werkplezier",
  "Zorgtalent behouden": "Arbeidsmarkt en werkplezier",
  "Anders werken": "Arbeidsmarkt en werkplezier",
};
