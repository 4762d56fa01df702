// Opens the import dialog when File › Import… (or the Import… action, which runs the same menu item) has chosen a
// file: the ImportRequested event. Also listens for the Import… and Export data… shortcuts in every view. End-to-end
// tests open the dialog on a path through the same `show`, since WebDriver cannot drive the native picker.
import { useEffect, useMemo, useRef, useState } from "react";
import { commands, events } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import { ActionMenu } from "../actions/ActionViews";
import { createTransferRegistry, EXPORT_DATA_MENU, type TransferActionContext } from "../actions/transferActions";
import { testHooks } from "../app/testHooks";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform } from "../keyboard/shortcuts";
import { ImportDialog } from "./ImportDialog";

/** Where "Export data…" lists its formats: under the toolbar, at the left, like the File menu it stands for. */
const EXPORT_MENU_AT = { x: 12, y: 44 };

export function ImportHost({ hasDocument, emptyScenario = false }: { hasDocument: boolean; emptyScenario?: boolean }) {
  const [path, setPath] = useState<string | null>(null);
  const [exportMenu, setExportMenu] = useState(false);
  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createTransferRegistry, []);
  const ctx: TransferActionContext = {
    hasDocument,
    runMenuItem: (id) => {
      void commands.transferMenu(id).then((r) => { if (r.status === "error") console.error(`${r.error.code}: ${r.error.message}`); });
    },
    openExportData: () => setExportMenu(true),
  };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const dialogOpen = useRef(false);
  dialogOpen.current = path !== null;

  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    const show = (p: string) => setPath(p);
    void events.importRequested(thisWindow()).listen((e) => show(e.payload.path)).then((u) => { if (live) off = u; else u(); });
    const detach = testHooks.import?.attach(show);
    return () => { live = false; off?.(); detach?.(); };
  }, []);
  useEffect(
    () => attachKeyboard(window, registry, () => ctxRef.current, { platform, suspended: () => dialogOpen.current }),
    [registry, platform],
  );

  return (
    <>
      {exportMenu && (
        <ActionMenu registry={registry} ctx={ctx} platform={platform} items={EXPORT_DATA_MENU} at={EXPORT_MENU_AT} onClose={() => setExportMenu(false)} />
      )}
      {/* A new file starts a fresh dialog (the key), so nothing of the previous import lingers. */}
      {path && <ImportDialog key={path} path={path} hasDocument={hasDocument} emptyScenario={emptyScenario} onClose={() => setPath(null)} />}
    </>
  );
}
