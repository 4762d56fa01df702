// An interaction's start and expected end in the team map's inspector: typed as YYYY-MM-DD, applied on Enter or
// when the field loses the focus; an empty field clears the date. The core checks the dates and says what is wrong.
import { useEffect, useState } from "react";
import type { Interaction, Op } from "../bindings";
import { dateFieldValue } from "./interactionDates";

function DateField({ label, value, onCommit }: { label: string; value: string | null; onCommit: (v: string | null) => void }) {
  const [v, setV] = useState(value ?? "");
  useEffect(() => setV(value ?? ""), [value]);
  const commit = () => {
    const next = dateFieldValue(v);
    if (next !== value) onCommit(next);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={v} onChange={(e) => setV(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") { e.preventDefault(); commit(); }
          if (e.key === "Escape") { e.stopPropagation(); setV(value ?? ""); }
        }} />
    </label>
  );
}

export function InteractionDates({ interaction, apply }: { interaction: Interaction; apply: (op: Op) => void }) {
  const set = (patch: Partial<Interaction>) => apply({ op: "update-interaction", interaction: { ...interaction, ...patch } });
  return (
    <div className="field-row">
      <DateField label="Start" value={interaction.start} onCommit={(start) => set({ start })} />
      <DateField label="Expected end" value={interaction.expected_end} onCommit={(expected_end) => set({ expected_end })} />
    </div>
  );
}
