// A modal question with a destructive answer (delete a person): says what will happen, Escape or Cancel backs out.
import { useEffect, useId, useRef, type KeyboardEvent } from "react";

export interface ConfirmDialogProps {
  title: string;
  body: string[];
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId(), bodyId = useId();
  // Focus starts on the safe answer; whatever had it before gets it back.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    return () => before?.focus?.({ preventScroll: true });
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    } else if (e.key === "Tab") {
      // Keep the focus on the two buttons while the dialog is open.
      e.preventDefault();
      (document.activeElement === cancelRef.current ? confirmRef : cancelRef).current?.focus();
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onCancel(); }}>
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{props.title}</h2>
        <div id={bodyId}>{props.body.map((p, i) => <p key={i}>{p}</p>)}</div>
        <div className="modal-actions">
          <button ref={cancelRef} type="button" onClick={props.onCancel}>Cancel</button>
          <button ref={confirmRef} type="button" className="danger" onClick={props.onConfirm}>{props.confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
