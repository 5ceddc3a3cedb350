import type { Sector } from "./model.ts";
import type { Random } from "./random.ts";

/**
 * Invented organisation names: a pattern per sector or subsector, filled with a real place name or
 * an invented house name, always ending in "(fictief)" so no one mistakes them for real parties.
 */
const PATTERNS: Readonly<Record<string, readonly string[]>> = {
  ouderenzorg: ["Zorggroep {place}", "Woonzorgcentrum {house}", "Zorgcentrum {house} {place}"],
  huisartsenzorg: [
    "Huisartsencoöperatie {place}",
    "Gezondheidscentrum {house}",
    "Huisartsenpraktijk {house}",
  ],
  ziekenhuiszorg: ["Ziekenhuis {house}", "Streekziekenhuis {place}", "Medisch Centrum {place}"],
  wijkverpleging: ["Thuiszorg {place}", "Wijkverpleging {place}", "Buurtzorgteam {house}"],
  ggz: ["GGZ {place}", "Stichting Mentaal Thuis {place}", "Herstelcentrum {house}"],
  gehandicaptenzorg: ["Stichting {house}", "Zorgboerderij {house}", "Dagbesteding {house} {place}"],
  zorg: ["Zorggroep {place}", "Fysiotherapie {place}", "Apotheek {house}"],
  welzijnswerk: ["Welzijn {place}", "Stichting Samen {place}", "Buurtkracht {place}"],
  mantelzorgondersteuning: ["Steunpunt Mantelzorg {place}", "Mantelzorgcafé {place}"],
  jeugd: ["Jeugdpunt {place}", "Stichting Jong {place}"],
  "sport en bewegen": ["Sportservice {place}", "Beweegcoalitie {place}"],
  welzijn: ["Welzijn {place}", "Ontmoetingscentrum {house}"],
  mbo: ["ROC {house}", "Vakcollege Zorg {place}", "Zorgacademie {place}"],
  hbo: ["Hogeschool {house}", "Fontein Hogeschool {place}"],
  wo: ["Universiteit {house}", "Technische Universiteit {house}"],
  vo: ["Scholengemeenschap {house}", "Lyceum {house} {place}"],
  onderwijs: ["Opleidingscentrum {place}", "Leerhuis {house}"],
  universiteit: ["Universitair Centrum {house}", "Academische Werkplaats {place}"],
  lectoraat: ["Lectoraat Zorginnovatie {place}", "Lectoraat Gezond Ouder Worden {house}"],
  onderzoeksinstituut: [
    "Instituut {house}",
    "Kenniscentrum Slim Zorgen {place}",
    "Onderzoeksbureau {house}",
  ],
  kennisinstelling: ["Kenniscentrum {place}", "Kenniscafé {house}"],
  gemeente: ["Sociaal Domein {place}", "Werkplein {place}", "Programmabureau Gezond {place}"],
  provincie: ["Provinciaal Programmabureau {house}", "Ontwikkelingsmaatschappij {house}"],
  ggd: ["Gezondheidsdienst {place}", "Preventieloket {place}"],
  overheid: ["Regiobureau {place}", "Sociaal Domein {place}"],
  biobased: ["BioVezel {place} BV", "Groene Grondstoffen {house}", "Biobased Campus {place}"],
  logistiek: ["Transportgroep {house}", "Zorglogistiek {place} BV", "Distributiecentrum {house}"],
  techniek: ["Sensortechniek {house} BV", "Installatiebedrijf {house}", "Robotica {place}"],
  creatief: ["Studio {house}", "Ontwerpbureau {house}", "Creatief Collectief {place}"],
  ict: ["Softwarehuis {house}", "Datalab {place} BV", "Platform {house}"],
  bouw: ["Bouwcombinatie {house}", "Woningbouw {place} BV"],
  adviesbureau: ["Adviesbureau {house}", "Zorgadvies {place}"],
  bedrijfsleven: ["Innovatiebedrijf {house}", "Ondernemershuis {place}"],
  zorgverzekeraar: ["Zorgverzekeraar {house}", "Verzekeringsmaatschappij {house}"],
  burgerinitiatief: ["Burgerinitiatief Samen Sterk {place}", "Buurtcoöperatie {place}"],
  patiëntenorganisatie: ["Patiëntenplatform {place}", "Cliëntenraad {house}"],
  zorgcoöperatie: ["Zorgcoöperatie {place}", "Dorpscoöperatie {place}"],
  burgers: ["Bewonersgroep {place}", "Buurtinitiatief {house}"],
};

const HOUSES: readonly string[] = [
  "De Linde",
  "Het Baken",
  "Zonnehof",
  "De Wingerd",
  "Mariënhof",
  "De Vlier",
  "Het Anker",
  "Rozenhof",
  "De Wilgenhoeve",
  "Lindenhage",
  "De Meerstroom",
  "Klaverhof",
  "Ideeënhuis",
  "De Notelaar",
  "Het Gasthuis",
  "Zuiderlicht",
  "De Kempen",
  "Peelland",
  "Markiezaat",
  "Vitaal",
  "Coördinaat",
  "Aurora",
  "Noorderkroon",
  "De Boogaard",
  "Zeeuwse Gronden",
  "Het Ravelijn",
  "Citadel",
  "Sint-Joris",
  "De Brug",
  "Brinkstede",
  "Het Tweespan",
  "Hoeve Daalzicht",
  "De Kiem",
  "Vivaldi",
  "Het Kompas",
  "Löwenhof",
  "De Kromme Akker",
  "Overwaard",
  "Heuvelrug",
  "Zilverlinde",
];

const AREAS: readonly string[] = ["Noord", "Zuid", "Oost", "West", "Centrum"];

/** Hands out names, never the same one twice within one set. */
export class NameBook {
  readonly #used = new Set<string>();

  organisation(random: Random, sector: Sector, subsector: string | null, place: string): string {
    const patterns = PATTERNS[subsector ?? ""] ?? PATTERNS[sector] ?? ["Organisatie {house}"];
    for (let attempt = 0; ; attempt++) {
      const base = random
        .pick(patterns)
        .replace("{place}", place)
        .replace("{house}", random.pick(HOUSES));
      const area = attempt < 4 ? "" : attempt < 9 ? ` ${random.pick(AREAS)}` : ` ${attempt}`;
      const name = `${base}${area} (fictief)`;
      if (this.#used.has(name)) continue;
      this.#used.add(name);
      return name;
    }
  }
}
