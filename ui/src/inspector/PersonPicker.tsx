// A type-ahead field that picks a person: type part of a name, arrows to move, Enter (or a click) to choose. The
// inspector's "Reports to" and "Add dotted line" fields, so a reporting line changes without a drag.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { PickRow } from "./personPicker";

export interface PersonPickerProps {
  label: string;
  /** What the field shows while nobody is typing in it (the current manager's name, or nothing). */
  value: string;
  placeholder?: string;
  /** The people to offer for a query (at most a screenful). */
  candidates: (query: string) => PickRow[];
  onPick: (id: number | null) => void;
  /** A first row choosing nobody ("No manager"), offered while the field is empty. */
  none?: string;
  /** For focusing from outside: `[data-field=...]`. */
  field: string;
  disabled?: boolean;
}

type Option = { id: number | null; name: string; title: string };

export function PersonPicker(props: PersonPickerProps) {
  const { candidates, onPick } = props;
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const uid = useId();
  const listId = `${uid}-list`;

  const typed = query ?? "";
  const options: Option[] = query === null ? [] : [
    ...(props.none && typed.trim() === "" ? [{ id: null, name: props.none, title: "" }] : []),
    ...candidates(typed),
  ];
  const open = query !== null && options.length > 0;
  useEffect(() => setActive(0), [query]);

  const choose = (o: Option | undefined) => {
    if (!o) return;
    setQuery(null);
    onPick(o.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (query === null) return setQuery("");
      const n = options.length;
      if (n > 0) setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      if (open) choose(options[active]);
    } else if (e.key === "Escape" && query !== null) {
      // The first Escape gives the field its value back; a second one reaches the inspector.
      e.preventDefault();
      e.stopPropagation();
      setQuery(null);
    }
  };

  return (
    <div className="person-picker">
      <label htmlFor={`${uid}-input`}>{props.label}</label>
      <input
        id={`${uid}-input`}
        ref={inputRef}
        data-field={props.field}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${uid}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        placeholder={props.placeholder}
        value={query ?? props.value}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setQuery(e.target.value)}
        onBlur={() => setQuery(null)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" className="picker-list" aria-label={`${props.label}: matches`}>
          {options.map((o, i) => (
            <li
              key={o.id ?? "none"}
              id={`${uid}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => { e.preventDefault(); choose(o); }}
            >
              <span>{o.name}</span>
              {o.title && <span className="muted"> · {o.title}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
