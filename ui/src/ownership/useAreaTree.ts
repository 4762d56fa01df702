// The area tree editor's state for the Ownership tab: the selected area, the row being renamed, the delete waiting
// for a yes, and the actions (toolbar and keys) that add, rename, move and delete areas through ./areaEdit's ops.
import { announce } from "../a11y/announcer";
import { areaSpeech } from "./areaSpeech";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { commands } from "../bindings";
import type { AppController } from "../app/controller";
import type { DropVerdict } from "../canvas/interaction";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform } from "../keyboard/shortcuts";
import { addAreaOp, planAreaDelete, planAreaMove, planKeyboardMove, renameOp, stepRow, type AreaRecords, type DropZone } from "./areaEdit";
import { createOwnershipRegistry, type OwnershipActionContext } from "./ownershipActions";
import type { OwnershipScene } from "./sceneTypes";

const NO_RECORDS: AreaRecords = { areas: [], contributors: [], units: [] };

/** Requests to scroll a row into view are numbered so a repeated request for the same area is seen as new. */
let revealSeq = 0;

export function useAreaTree(ctl: AppController, scene: OwnershipScene | null, shownRows: readonly number[]) {
  const doc = useSyncExternalStore(ctl.subscribe, () => ctl.snapshot().doc);
  const records: AreaRecords = doc?.records ?? NO_RECORDS;
  const [selected, setSelected] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [reveal, setReveal] = useState<{ area: number; seq: number } | null>(null);
  const [confirm, setConfirm] = useState<{ text: string; yes: () => void; no: () => void } | null>(null);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createOwnershipRegistry, []);

  // An area deleted (or undone away) is no longer selected. Only a change of the records can take it away: a new
  // area is selected before its record arrives, so one not there yet is kept.
  const prevAreas = useRef(records.areas);
  useEffect(() => {
    const prev = prevAreas.current;
    prevAreas.current = records.areas;
    if (prev === records.areas) return;
    const gone = (id: number | null) => id !== null && prev.some((a) => a.id === id) && !records.areas.some((a) => a.id === id);
    if (gone(selected)) setSelected(null);
    if (gone(renaming)) setRenaming(null);
  }, [records.areas, selected, renaming]);

  const select = (id: number | null, show = true) => {
    setSelected(id);
    if (id !== null) setInspectorOpen(true);
    if (id !== null && show) setReveal({ area: id, seq: ++revealSeq });
  };

  const focusTree = () => document.querySelector<HTMLElement>(".ownership-map canvas, .ownership-matrix")?.focus({ preventScroll: true });

  /** Reserves the new area's id so it can be selected and renamed as soon as it exists. */
  const add = async (parent: number | null, after: number | null) => {
    const r = await commands.reserveIds(1);
    if (r.status === "error") return ctl.fail(r.error);
    const ok = await ctl.apply(addAreaOp(records, r.data, parent, after));
    if (!ok) return;
    select(r.data);
    setRenaming(r.data);
  };

  const ctx: OwnershipActionContext = {
    hasDocument: !!doc?.document,
    area: selected,
    // Read when a key arrives, not when the view last rendered.
    get treeFocused() {
      return !!document.activeElement?.closest(".ownership-map, .ownership-matrix") && !document.activeElement?.closest("input");
    },
    addArea: () => {
      const a = records.areas.find((x) => x.id === selected);
      void add(a ? a.parent : null, a ? a.id : null);
    },
    addChild: () => { if (selected !== null) void add(selected, null); },
    rename: () => { if (selected !== null) setRenaming(selected); },
    remove: () => {
      if (selected === null) return;
      const plan = planAreaDelete(records, selected);
      if (!plan) return;
      const go = () => {
        setConfirm(null);
        void ctl.apply(plan.op);
        focusTree();
      };
      if (plan.confirm === null) go();
      else setConfirm({ text: plan.confirm, yes: go, no: () => { setConfirm(null); focusTree(); } });
    },
    step: (key) => {
      const ids = shownRows.map((r) => scene?.areas[r]).filter((x): x is number => x !== undefined);
      const next = stepRow(ids, selected, key);
      if (next === null) return;
      select(next);
      if (scene) announce(areaSpeech(scene, next));
    },
    shift: (key) => {
      if (selected === null) return;
      const p = planKeyboardMove(records.areas, selected, key);
      if (p.ok) void ctl.apply(p.op);
      else ctl.info(p.reason);
    },
    clear: () => { setSelected(null); setRenaming(null); },
  };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const modal = useRef(false);
  modal.current = confirm !== null;
  useEffect(() => attachKeyboard(window, registry, () => ctxRef.current, { platform, suspended: () => modal.current }), [registry, platform]);

  return {
    records,
    selected,
    renaming,
    reveal,
    confirm,
    inspectorOpen,
    registry,
    platform,
    ctx,
    select,
    closeInspector: () => setInspectorOpen(false),
    startRename: (id: number) => { select(id, false); setRenaming(id); },
    finishRename: (id: number, name: string | null) => {
      setRenaming(null);
      const a = records.areas.find((x) => x.id === id);
      const op = a && name !== null ? renameOp(a, name) : null;
      if (op) void ctl.apply(op);
      focusTree();
    },
    canMove: (area: number, target: number, zone: DropZone): DropVerdict => {
      const p = planAreaMove(records.areas, area, target, zone);
      return p.ok ? { ok: true } : p;
    },
    move: (area: number, target: number, zone: DropZone) => {
      const p = planAreaMove(records.areas, area, target, zone);
      if (!p.ok) return;
      void ctl.apply(p.op);
      select(area, false);
    },
  };
}
