import { describe, expect, it } from "vitest";
import type { AppController, AppSnapshot } from "../app/controller";
import type { DocState, Error as CoreError } from "../bindings";
import { AsOfStore, type AsOfBackend } from "./asOfStore";

function fakeCtl(path: string | null) {
  const listeners = new Set<() => void>();
  let snap = { doc: { document: path === null ? null : { path, name: "d" } } as unknown as DocState } as AppSnapshot;
  const failures: CoreError[] = [];
  const ctl = {
    subscribe: (f: () => void) => { listeners.add(f); return () => listeners.delete(f); },
    snapshot: () => snap,
    fail: (e: CoreError) => failures.push(e),
  } as unknown as AppController;
  const open = (p: string) => { snap = { doc: { document: { path: p, name: "d" } } as unknown as DocState } as AppSnapshot; for (const f of listeners) f(); };
  return { ctl, failures, open };
}

function fakeBackend(kept: Record<string, string | null>) {
  let current = "a.topo";
  const backend: AsOfBackend = {
    viewDate: async () => ({ status: "ok", data: kept[current] ?? null }),
    setViewDate: async (day) => {
      if (day === "bad") return { status: "error", error: { code: "invalid_value", message: "as_of: not a date" } };
      kept[current] = day === "" ? null : day;
      return { status: "ok", data: kept[current] ?? null };
    },
  };
  return { backend, use: (p: string) => { current = p; } };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("AsOfStore", () => {
  it("reads the day the open document keeps, and another document's when it opens", async () => {
    const c = fakeCtl("a.topo");
    const b = fakeBackend({ "a.topo": "2027-03-01", "b.topo": null });
    const store = new AsOfStore(c.ctl, b.backend, () => {});
    const unsubscribe = store.subscribe(() => {});
    await tick();
    expect(store.snapshot().day).toBe("2027-03-01");
    b.use("b.topo");
    c.open("b.topo");
    await tick();
    expect(store.snapshot().day).toBeNull();
    unsubscribe();
  });

  it("asks every view again only when the day kept changes", async () => {
    const c = fakeCtl("a.topo");
    const b = fakeBackend({});
    let refreshed = 0;
    const store = new AsOfStore(c.ctl, b.backend, () => refreshed++);
    store.subscribe(() => {});
    await tick();
    expect(await store.set("2027-03-01")).toBe(true);
    expect(await store.set("2027-03-01")).toBe(true);
    expect(await store.set(null)).toBe(true);
    expect(refreshed).toBe(2);
    expect(store.snapshot().day).toBeNull();
  });

  it("keeps the day shown and reports a refusal", async () => {
    const c = fakeCtl("a.topo");
    const b = fakeBackend({ "a.topo": "2027-03-01" });
    const store = new AsOfStore(c.ctl, b.backend, () => {});
    store.subscribe(() => {});
    await tick();
    expect(await store.set("bad")).toBe(false);
    expect(store.snapshot()).toMatchObject({ day: "2027-03-01", error: { code: "invalid_value" } });
    expect(c.failures.map((e) => e.code)).toEqual(["invalid_value"]);
  });
});
