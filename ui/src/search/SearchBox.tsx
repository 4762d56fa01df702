// The toolbar's find field: type-ahead over the search index, a result list, Enter goes to the person.
import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from "react";
import type { SearchHit, SearchIndex } from "./searchIndex";

export interface SearchRow {
  name: string;
  title: string;
  teams: string[];
  isOpenPosition: boolean;
}

export interface SearchBoxProps {
  /** Built on first use and cached per set of records (building it for 100k people takes a moment). */
  index: () => SearchIndex | null;
  row: (id: number) => SearchRow | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The hits on screen now (highlighted on the chart while typing); empty when the query is cleared. */
  onHits: (ids: number[]) => void;
  /** Enter or a click on a result. */
  onChoose: (id: number) => void;
  /** Escape: the query is cleared; give the focus back to the chart. */
  onDismiss: () => void;
  shortcut: string;
  disabled?: boolean;
}

export function SearchBox(props: SearchBoxProps) {
  const { index, row, inputRef, onHits, onChoose, onDismiss } = props;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // After Enter the chart shows the chosen person and their managers; later edits (which rebuild the index) must
  // not put the query's other hits back until the query changes.
  const [chosen, setChosen] = useState(false);
  const deferred = useDeferredValue(query);
  const listId = useId();

  const results = useMemo(() => {
    const idx = deferred.trim() === "" ? null : index();
    return idx ? idx.search(deferred) : { hits: [] as SearchHit[], total: 0 };
  }, [deferred, index]);

  useEffect(() => {
    if (!chosen) onHits(results.hits.map((h) => h.id));
  }, [results, onHits, chosen]);
  useEffect(() => setActive(0), [results]);

  const choose = (id: number | undefined) => {
    if (id === undefined) return;
    setOpen(false);
    setChosen(true);
    onChoose(id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = results.hits.length;
    if (e.key === "ArrowDown" && n > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === "ArrowUp" && n > 0) {
      e.preventDefault();
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(results.hits[Math.min(active, n - 1)]?.id);
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (open && query !== "") setOpen(false);
      else {
        setQuery("");
        setChosen(false);
        onDismiss();
      }
    }
  };

  const showList = open && query.trim() !== "";
  return (
    <div className="search" role="search">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        placeholder={`Find… (${props.shortcut})`}
        title="Find a person by name, title or team"
        aria-label="Find a person"
        aria-controls={listId}
        aria-expanded={showList}
        aria-activedescendant={showList && results.hits[active] ? `${listId}-${results.hits[active]?.id}` : undefined}
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        value={query}
        onChange={(e) => { setQuery(e.target.value); setOpen(true); setChosen(false); }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Search results">
          {results.hits.length === 0 && deferred === query && <li className="search-empty">No one matches “{query.trim()}”</li>}
          {results.hits.map((h, i) => {
            const r = row(h.id);
            if (!r) return null;
            return (
              <li
                key={h.id}
                id={`${listId}-${h.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : undefined}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => { e.preventDefault(); choose(h.id); }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="search-name">{r.name}{r.isOpenPosition && <em className="tag">open</em>}</span>
                <span className="search-detail">{[r.isOpenPosition ? "" : r.title, ...r.teams].filter(Boolean).join(" · ")}</span>
              </li>
            );
          })}
          {results.total > results.hits.length && (
            <li className="search-more" aria-disabled="true">
              {(results.total - results.hits.length).toLocaleString()} more: keep typing to narrow down
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
