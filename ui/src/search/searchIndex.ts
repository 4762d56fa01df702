// Type-ahead over people: name, job title and team names, lowercased and without accents, scanned linearly.
// A scan of 100k short strings takes a few milliseconds, so there is no trie to keep in step with edits.
import type { Membership, Person, Unit } from "../bindings";

/** One searchable person. `name` is what the card shows: the name, or the role title of an unnamed open position. */
export interface SearchEntry {
  id: number;
  name: string;
  title: string;
  /** Names of the teams the person sits on. */
  teams: readonly string[];
}

export type MatchField = "name" | "title" | "team";

export interface SearchHit {
  id: number;
  /** Lower is better: see `score`. */
  score: number;
  /** Where the best match of the query's first word was found, for the result list's hint. */
  field: MatchField;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Every match, including those beyond the cap. */
  total: number;
}

/** Results are capped: a type-ahead list of more than this many rows is not read, only scrolled. */
export const DEFAULT_LIMIT = 50;

const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;

/** Lowercase without diacritics ("José" → "jose"), so people type names as they can. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize("NFD").replace(MARKS, "") : lower;
}

/** Splits a query into folded words; an empty query has none. */
export function queryTokens(query: string): string[] {
  return fold(query).split(/\s+/).filter((t) => t.length > 0);
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c > 127;

/**
 * How well `token` matches `text`: 0 at the very start, 1 at the start of a later word, 2 inside a word,
 * -1 not at all. Looks past an inner match for a later word start ("an" in "joanna anders" is a word start).
 */
export function matchRank(text: string, token: string): number {
  let at = text.indexOf(token);
  if (at < 0) return -1;
  if (at === 0) return 0;
  let best = 2;
  while (at >= 0) {
    if (!isWordChar(text.charCodeAt(at - 1))) {
      best = 1;
      break;
    }
    at = text.indexOf(token, at + 1);
  }
  return best;
}

// Score of one token by field and rank; name beats title beats team, and a word start anywhere beats an inner match.
const SCORE: Record<MatchField, [number, number, number]> = {
  name: [0, 1, 6],
  title: [2, 3, 7],
  team: [4, 5, 8],
};
const MAX_TOKEN_SCORE = 8;

export class SearchIndex {
  private readonly ids: Int32Array;
  private readonly names: string[];
  private readonly titles: string[];
  /** Team names joined by "\n" (never typed, so a token cannot match across two teams). */
  private readonly teams: string[];
  /** Display names, for ordering ties. */
  private readonly display: string[];
  private readonly entries: readonly SearchEntry[];
  private byId: Map<number, number> | null = null;

  constructor(entries: readonly SearchEntry[]) {
    const n = entries.length;
    this.entries = entries;
    this.ids = new Int32Array(n);
    this.names = new Array<string>(n);
    this.titles = new Array<string>(n);
    this.teams = new Array<string>(n);
    this.display = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const e = entries[i] as SearchEntry;
      this.ids[i] = e.id;
      this.names[i] = fold(e.name);
      this.titles[i] = fold(e.title);
      this.teams[i] = e.teams.length === 0 ? "" : fold(e.teams.join("\n"));
      this.display[i] = e.name;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** The entry of a person, as given (for the result list's name, title and teams). */
  entry(id: number): SearchEntry | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (let i = 0; i < this.ids.length; i++) this.byId.set(this.ids[i] as number, i);
    }
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  /**
   * People matching every word of the query in their name, title or team names, best first (see SCORE), then by
   * name. Collects at most `limit` hits per score, so a one-letter query over 100k people sorts only a few rows.
   */
  search(query: string, limit = DEFAULT_LIMIT): SearchResults {
    const tokens = queryTokens(query);
    if (tokens.length === 0 || limit <= 0) return { hits: [], total: 0 };
    const buckets: { i: number; field: MatchField }[][] = [];
    let total = 0;
    const n = this.ids.length;
    for (let i = 0; i < n; i++) {
      let score = 0;
      let firstField: MatchField = "name";
      let ok = true;
      for (let t = 0; t < tokens.length; t++) {
        const tok = tokens[t] as string;
        let best = MAX_TOKEN_SCORE + 1;
        let field: MatchField = "name";
        const rn = matchRank(this.names[i] as string, tok);
        if (rn >= 0) best = SCORE.name[rn] as number;
        if (best > 1) {
          const rt = matchRank(this.titles[i] as string, tok);
          if (rt >= 0 && (SCORE.title[rt] as number) < best) { best = SCORE.title[rt] as number; field = "title"; }
          const teams = this.teams[i] as string;
          if (best > 3 && teams !== "") {
            const rm = matchRank(teams, tok);
            if (rm >= 0 && (SCORE.team[rm] as number) < best) { best = SCORE.team[rm] as number; field = "team"; }
          }
        }
        if (best > MAX_TOKEN_SCORE) { ok = false; break; }
        if (t === 0) firstField = field;
        score += best;
      }
      if (!ok) continue;
      total++;
      const bucket = buckets[score] ?? (buckets[score] = []);
      if (bucket.length < limit) bucket.push({ i, field: firstField });
    }
    const hits: SearchHit[] = [];
    for (let s = 0; s < buckets.length && hits.length < limit; s++) {
      const bucket = buckets[s];
      if (!bucket) continue;
      bucket.sort((a, b) => compareText(this.display[a.i] as string, this.display[b.i] as string) || (this.ids[a.i] as number) - (this.ids[b.i] as number));
      for (const b of bucket) {
        if (hits.length >= limit) break;
        hits.push({ id: this.ids[b.i] as number, score: s, field: b.field });
      }
    }
    return { hits, total };
  }
}

const collator = typeof Intl !== "undefined" ? new Intl.Collator(undefined, { sensitivity: "base" }) : null;
function compareText(a: string, b: string): number {
  return collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
}

/** The search entries of a scenario's records: every person and open position, with the names of their teams. */
export function entriesFromRecords(
  persons: readonly Person[],
  units: readonly Pick<Unit, "id" | "name">[],
  memberships: readonly Pick<Membership, "person" | "unit">[],
): SearchEntry[] {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const teamsOf = new Map<number, string[]>();
  for (const m of memberships) {
    const name = unitName.get(m.unit);
    if (name === undefined) continue;
    const list = teamsOf.get(m.person);
    if (list) list.push(name);
    else teamsOf.set(m.person, [name]);
  }
  return persons.map((p) => ({
    id: p.id,
    name: p.name.trim() === "" ? p.title : p.name,
    title: p.title,
    teams: teamsOf.get(p.id) ?? [],
  }));
}
