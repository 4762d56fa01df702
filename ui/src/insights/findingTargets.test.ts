import { describe, expect, it } from "vitest";
import type { Finding, View } from "../bindings";
import type { Selection } from "../app/controller";
import { RevealBus } from "../app/reveal";
import { registerFindingTarget, revealFinding, type TargetHost } from "./findingTargets";

const finding = (kind: Finding["entity_kind"], id: number): Finding => ({
  check: "c", severity: "warning", entity_kind: kind, entity_id: id, entity_name: "x", message: "m", value: null, threshold: "", source: "s",
});

function host() {
  const log: { view: View | null; selection: Partial<Selection> | null } = { view: null, selection: null };
  const h: TargetHost = { setView: (v) => { log.view = v; }, select: (s) => { log.selection = s; } };
  return { h, log };
}

describe("revealing a finding's subject", () => {
  it("opens the org chart on a person, selects them and asks the chart to show them", () => {
    const bus = new RevealBus();
    const shown: number[] = [];
    bus.listen(["person"], (r) => { shown.push(r.id); return true; });
    const { h, log } = host();
    revealFinding(h, finding("person", 7), bus);
    expect(log).toEqual({ view: "org-chart", selection: { persons: [7] } });
    expect(shown).toEqual([7]);
  });

  it("keeps the request for a view that is not mounted yet, which takes it when it listens", () => {
    const bus = new RevealBus();
    const { h, log } = host();
    revealFinding(h, finding("unit", 3), bus);
    expect(log).toEqual({ view: "team-map", selection: { units: [3] } });
    const shown: number[] = [];
    bus.listen(["unit"], (r) => { shown.push(r.id); return true; });
    expect(shown).toEqual([3]);
    expect(bus.peek()).toBeNull();
  });

  it("lets another part of the app plug in how its kind is revealed (areas on the ownership map)", () => {
    const bus = new RevealBus();
    const picked: number[] = [];
    const restore = registerFindingTarget("area", { view: "ownership", select: (_h, f) => picked.push(f.entity_id) });
    const { h, log } = host();
    revealFinding(h, finding("area", 12), bus);
    expect(log.view).toBe("ownership");
    expect(picked).toEqual([12]);
    expect(bus.peek()).toMatchObject({ kind: "area", id: 12 });
    restore();
  });

  it("does nothing for findings about the whole org", () => {
    const { h, log } = host();
    revealFinding(h, finding("org", 0), new RevealBus());
    expect(log).toEqual({ view: null, selection: null });
  });
});
