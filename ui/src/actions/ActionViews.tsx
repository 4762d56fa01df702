// React views of the action registry: toolbar buttons, the card menu and the shortcut list all read the same
// actions, so a label, a shortcut or an enabled state is defined once.
import { useEffect, useRef } from "react";
import type { Platform } from "../keyboard/shortcuts";
import { shortcutRows, type ActionRegistry, type ShortcutRow } from "./registry";

interface ViewProps<C> {
  registry: ActionRegistry<C>;
  ctx: C;
  platform: Platform;
}

export function ActionButton<C>({ registry, ctx, platform, id, className }: ViewProps<C> & { id: string; className?: string }) {
  return (
    <button
      type="button"
      className={className}
      data-action={id}
      disabled={!registry.isEnabled(id, ctx)}
      title={registry.tooltip(id, ctx, platform)}
      onClick={() => registry.run(id, ctx, "toolbar")}
    >
      {registry.label(id, ctx)}
    </button>
  );
}

/** A menu at a point (right click on a card); null entries are separators. Closes on any outside press or Escape. */
export function ActionMenu<C>({ registry, ctx, platform, items, at, onClose }: ViewProps<C> & { items: readonly (string | null)[]; at: { x: number; y: number }; onClose: () => void }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
    const away = (e: Event) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    window.addEventListener("pointerdown", away, true);
    window.addEventListener("blur", onClose);
    return () => {
      window.removeEventListener("pointerdown", away, true);
      window.removeEventListener("blur", onClose);
    };
  }, [onClose]);
  // Keep the menu inside the window.
  const left = Math.min(at.x, window.innerWidth - 240), top = Math.min(at.y, window.innerHeight - 24 * items.length - 16);
  return (
    <ul
      ref={ref}
      className="action-menu"
      role="menu"
      style={{ left: Math.max(4, left), top: Math.max(4, top) }}
      onKeyDown={(e) => {
        if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); onClose(); }
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          e.stopPropagation();
          const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
          const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
          buttons[(i + (e.key === "ArrowDown" ? 1 : buttons.length - 1)) % buttons.length]?.focus();
        }
      }}
    >
      {items.map((id, i) =>
        id === null ? (
          <li key={`sep${i}`} role="separator" className="separator" />
        ) : (
          <li key={id} role="none">
            <button
              type="button"
              role="menuitem"
              data-action={id}
              disabled={!registry.isEnabled(id, ctx)}
              onClick={() => { onClose(); registry.run(id, ctx, "menu"); }}
            >
              <span>{registry.label(id, ctx)}</span>
              <kbd>{registry.shortcutText(id, platform)}</kbd>
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

/** Every action with its shortcuts ("?"), grouped as the registry lists them; `extra` lines come from other registries. */
export function ShortcutList<C>({ registry, ctx, platform, onClose, extra = [] }: ViewProps<C> & { onClose: () => void; extra?: readonly ShortcutRow[] }) {
  const rows = [...shortcutRows(registry, ctx, platform), ...extra];
  return (
    <div className="shortcut-list" role="dialog" aria-label="Keyboard shortcuts">
      <header>
        <strong>Keyboard shortcuts</strong>
        <button type="button" className="icon" aria-label="Close" onClick={onClose}>×</button>
      </header>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.text}</td>
              <td>{r.keys.map((s) => <kbd key={s}>{s}</kbd>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
