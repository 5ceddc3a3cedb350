import type { Day } from "./dates.ts";
import type { Spell } from "./model.ts";
import type { Random } from "./random.ts";

/** The membership spells per network, sorted by joined day, to find who is active when. */
export class Roster {
  readonly #byNetwork = new Map<string, Spell[]>();

  constructor(spells: readonly Spell[]) {
    for (const spell of spells) {
      const list = this.#byNetwork.get(spell.network) ?? [];
      list.push(spell);
      this.#byNetwork.set(spell.network, list);
    }
    for (const list of this.#byNetwork.values()) list.sort((a, b) => a.joined - b.joined);
  }

  spellsOf(network: string): readonly Spell[] {
    return this.#byNetwork.get(network) ?? [];
  }

  /** How many spells of the network have joined on or before the day. */
  #joinedBy(list: readonly Spell[], day: Day): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((list[mid] as Spell).joined <= day) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** A random spell of the network active at the day, or null when a few draws find none. */
  pickActive(random: Random, network: string, day: Day): Spell | null {
    const list = this.spellsOf(network);
    const joined = this.#joinedBy(list, day);
    if (joined === 0) return null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const spell = list[random.int(0, joined - 1)] as Spell;
      if (spell.left === null || spell.left > day) return spell;
    }
    return null;
  }

  /** Distinct active spells of the network at the day, at most n, found by random draws. */
  pickActiveMany(random: Random, network: string, day: Day, n: number): Spell[] {
    const found = new Set<Spell>();
    for (let attempt = 0; attempt < n * 4 && found.size < n; attempt++) {
      const spell = this.pickActive(random, network, day);
      if (spell) found.add(spell);
    }
    return [...found];
  }

  activeCount(network: string, day: Day): number {
    let count = 0;
    for (const spell of this.spellsOf(network)) {
      if (spell.joined <= day && (spell.left === null || spell.left > day)) count++;
    }
    return count;
  }
}
