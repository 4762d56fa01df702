import { describe, expect, it } from "vitest";
import type { Finding } from "../bindings";
import { badgesOf, HealthFeed, personBadges, type HealthBackend } from "./healthFeed";

const finding = (id: number): Finding => ({
  check: "team-size", severity: "warning", entity_kind: "unit", entity_id: id, entity_name: "T", message: "m", value: 10, threshold: "5-9", source: "s",
});

function fakeBackend() {
  let fire: (kind: "applied" | "switched") => void = () => {};
  const answers: Finding[][] = [];
  let calls = 0;
  const backend: HealthBackend = {
    findings: async () => {
      calls++;
      return { status: "ok", data: answers.shift() ?? [] };
    },
    onDocChanged: async (f) => {
      fire = f;
      return () => { fire = () => {}; };
    },
  };
  return { backend, answers, docChanged: (kind: "applied" | "switched" = "applied") => fire(kind), calls: () => calls };
}

describe("HealthFeed", () => {
  it("fetches the findings at start and again after a change, with badge counts", async () => {
    const b = fakeBackend();
    b.answers.push([finding(1)], []);
    const feed = new HealthFeed(b.backend);
    await feed.start();
    expect(feed.snapshot().findings).toHaveLength(1);
    expect(feed.snapshot().badges.get("unit:1")).toBe(1);
    b.docChanged();
    await new Promise((r) => setTimeout(r, 0));
    expect(feed.snapshot().findings).toHaveLength(0);
    expect(b.calls()).toBe(2);
  });

  it("asks once more, not once per change, when changes arrive while the checks run", async () => {
    const b = fakeBackend();
    const feed = new HealthFeed(b.backend);
    const first = feed.refresh();
    void feed.refresh();
    void feed.refresh();
    await first;
    expect(b.calls()).toBe(2);
  });
});

describe("HealthFeed after the first chart and a scenario switch", () => {
  it("checks once the first chart is shown, and after a switch once the switch is shown, not while they are on their way", async () => {
    const b = fakeBackend();
    let shown: () => void = () => {};
    let switching = new Promise<void>((r) => (shown = r));
    const feed = new HealthFeed(b.backend);
    const started = feed.start(() => switching);
    await new Promise((r) => setTimeout(r, 0));
    expect(b.calls()).toBe(0);
    shown();
    await started;
    expect(b.calls()).toBe(1);
    switching = new Promise<void>((r) => (shown = r));
    b.docChanged("switched");
    await new Promise((r) => setTimeout(r, 0));
    expect(b.calls()).toBe(1);
    shown();
    await new Promise((r) => setTimeout(r, 0));
    expect(b.calls()).toBe(2);
  });
});

describe("HealthFeed after an edit", () => {
  it("checks once the edit's chart is drawn, not while it is on its way", async () => {
    const b = fakeBackend();
    let drawn: () => void = () => {};
    const feed = new HealthFeed(b.backend);
    await feed.start(undefined, () => new Promise<void>((r) => (drawn = r)));
    expect(b.calls()).toBe(1);
    b.docChanged("applied");
    await new Promise((r) => setTimeout(r, 0));
    expect(b.calls()).toBe(1);
    drawn();
    await new Promise((r) => setTimeout(r, 0));
    expect(b.calls()).toBe(2);
  });
});

describe("HealthFeed after a change that leaves the findings as they were", () => {
  it("keeps its snapshot and tells no one, so the chart is not redrawn for nothing", async () => {
    const b = fakeBackend();
    b.answers.push([finding(1), finding(2)], [finding(1), finding(2)]);
    const feed = new HealthFeed(b.backend);
    await feed.start();
    const before = feed.snapshot();
    let told = 0;
    feed.subscribe(() => told++);
    await feed.refresh();
    expect(feed.snapshot()).toBe(before);
    expect(told).toBe(0);
  });

  it("keeps the badge map when only the wording of the findings changed", async () => {
    const b = fakeBackend();
    b.answers.push([finding(1)], [{ ...finding(1), message: "other" }], [finding(1), finding(2)]);
    const feed = new HealthFeed(b.backend);
    await feed.start();
    const badges = feed.snapshot().badges;
    await feed.refresh();
    expect(feed.snapshot().findings[0]?.message).toBe("other");
    expect(feed.snapshot().badges).toBe(badges);
    await feed.refresh();
    expect(feed.snapshot().badges).not.toBe(badges);
    expect(feed.snapshot().badges.get("unit:2")).toBe(1);
  });
});

describe("personBadges", () => {
  it("keeps the people's counts by id and leaves units out", () => {
    expect([...personBadges(new Map([["person:12", 2], ["unit:3", 1]]))]).toEqual([[12, 2]]);
    expect([...badgesOf("unit", new Map([["person:12", 2], ["unit:3", 1]]))]).toEqual([[3, 1]]);
  });
});
