import type { ExportRow } from "./dialect.ts";
import { createRandom } from "./random.ts";

/**
 * Columns that registration tools put beside the contract's: the person's name, e-mail address
 * and phone number. They are invented here so that tests can prove such personal data never
 * reaches the database, the outputs or the site (design.md, decision 7).
 */
export const PERSON_COLUMNS = ["naam_deelnemer", "email", "telefoon"] as const;

const FIRST = [
  "Anouk",
  "Bram",
  "Daan",
  "Eva",
  "Fleur",
  "Gijs",
  "Hanna",
  "Ilse",
  "Jesse",
  "Kim",
  "Lotte",
  "Milan",
  "Noor",
  "Olaf",
  "Pim",
  "Roos",
  "Sanne",
  "Thijs",
  "Vera",
  "Wout",
  "Yara",
  "Zoë",
];
const LAST = [
  "Aalbers",
  "de Bruijn",
  "Claassen",
  "van Dijk",
  "Evers",
  "Franken",
  "de Groot",
  "Hendriks",
  "Jansen",
  "van Kempen",
  "Lammers",
  "Mulder",
  "van Noort",
  "Peeters",
  "Rutten",
  "Smits",
  "van der Heijden",
  "Verhoeven",
  "Willems",
  "Zijlstra",
];

/** The attendance rows with an invented person in the extra columns (a stream of its own). */
export function withPersons(rows: Iterable<ExportRow>, seed: number): Iterable<ExportRow> {
  return {
    *[Symbol.iterator]() {
      const random = createRandom(seed, "persons");
      for (const row of rows) {
        const first = random.pick(FIRST);
        const last = random.pick(LAST);
        const local = `${first}.${last}`.toLowerCase().replaceAll(" ", "").replace("ë", "e");
        yield {
          ...row,
          naam_deelnemer: `${first} ${last} (fictief)`,
          email: `${local}${random.int(1, 99)}@deelnemer.example`,
          telefoon: `06-${String(random.int(0, 99_999_999)).padStart(8, "0")}`,
        };
      }
    },
  };
}
