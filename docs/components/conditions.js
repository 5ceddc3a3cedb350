// The four conditions of the reciprocity profile (wederkerigheid, spec/indicators.md), each
// measured by one or two indicators (all shares 0–1) and experienced by one survey indicator
// (`experienced`, S5–S8 of spec/survey.md), with a short Dutch explanation. Plain data,
// so that pages without charts (Methode) need not load Plot.

/** The four conditions and their indicators, in the order of spec/indicators.md. */
export const CONDITIONS = [
  {
    key: "afhankelijkheid",
    experienced: "ervaren_afhankelijkheid",
    title: "Onderlinge afhankelijkheid",
    indicators: ["cofinanciering_aandeel", "zorg_plus_aandeel"],
    explanation:
      "Partners hebben elkaar nodig: ze brengen samen geld in en zorg werkt samen met andere sectoren. Gemeten als het aandeel projecten dat door twee of meer partners zelf wordt meegefinancierd, en het aandeel projecten waarin zorg of welzijn samenwerkt met een andere sector.",
  },
  {
    key: "meerlagigheid",
    experienced: "ervaren_meerlagigheid",
    title: "Meerlagigheid",
    indicators: ["meerlagigheid"],
    explanation:
      "De samenwerking rust niet op één persoon: organisaties zijn op meer dan één niveau betrokken (bestuurder, management, professional). Gemeten als het aandeel actieve leden dat in de afgelopen twaalf maanden op ten minste twee niveaus bijeenkomsten bezocht.",
  },
  {
    key: "toekomstperspectief",
    experienced: "ervaren_toekomstperspectief",
    title: "Toekomstperspectief",
    indicators: ["toekomstperspectief"],
    explanation:
      "Er is zicht op een vervolg: projecten hebben al financiering voor de jaren na dit jaar. Gemeten als het aandeel lopende projecten met toegekende financiering voor een later jaar.",
  },
  {
    key: "bereikbaarheid",
    experienced: "ervaren_bereikbaarheid",
    title: "Elkaar weten te bereiken",
    indicators: ["actieve_deelname_leden", "netwerkdichtheid"],
    explanation:
      "Leden kennen elkaar en komen elkaar tegen: op bijeenkomsten en in gezamenlijke projecten. Gemeten als het aandeel leden dat in de afgelopen twaalf maanden op een bijeenkomst was, en de dichtheid van het netwerk van leden die samen in een project zitten.",
  },
];

/** Every indicator of the profile, in condition order. */
export const PROFILE_INDICATORS = CONDITIONS.flatMap((c) => c.indicators);
