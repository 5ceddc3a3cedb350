/**
 * Names that break SQL built by pasting text: quotes of both kinds, a backslash, comment and
 * statement separators, dollar quotes, line breaks, non-Latin letters, and a 500-character name.
 */
export const HOSTILE_NAMES: readonly string[] = [
  "Lid sinds (d'r)",
  'Kolom "tussen" aanhalingstekens',
  "C:\\exports\\leden\\",
  "netwerk -- commentaar",
  "a'; drop table members; --",
  "$$ dollar $$ quote $tag$",
  "regel een\nregel twee\r\nregel drie",
  "Zorg 医療 Ελλάδα Ўкраїна",
  `${"Lange naam met 'quote' en \"dubbel\" ".repeat(14)}`.slice(0, 500),
];
