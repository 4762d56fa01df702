// The in-place rename of an area row (map and matrix): starts with the name selected; Enter or leaving the field
// keeps the text, Escape keeps the old name.
import { useEffect, useRef } from "react";

export function AreaRenameField({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  // The field may mount before the map has placed its row (a new area's row arrives with the next scene): it takes
  // the focus on the first frame it is shown, trying for about a second.
  useEffect(() => {
    let frame = 0, tries = 0;
    const grab = () => {
      const el = ref.current;
      if (!el || done.current) return;
      if (el.offsetParent !== null) {
        el.focus({ preventScroll: true });
        el.select();
        return;
      }
      if (++tries < 60) frame = requestAnimationFrame(grab);
    };
    grab();
    return () => cancelAnimationFrame(frame);
  }, []);
  const finish = (v: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(v);
  };
  return (
    <input
      ref={ref}
      className="area-rename"
      aria-label="Area name"
      defaultValue={name}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") { e.preventDefault(); finish(e.currentTarget.value); }
        if (e.key === "Escape") { e.preventDefault(); finish(null); }
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      onPointerDown={(e) => e.stopPropagation()}
    />
  );
}
