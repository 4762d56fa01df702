import { describe, expect, it } from "vitest";
import { planChartState } from "../plan/charts/planChartState";
import { defaultChoice, exportArgs, optionsOf, pageLabel, previewKey, problem, selectionRoot, showingEffort, startView, stepPage, suggestedName, type ExportChoice } from "./exportModel";

const none = { persons: [], units: [] };
const picked = { persons: [7], units: [3] };
const choice = (patch: Partial<ExportChoice> = {}): ExportChoice => ({ ...defaultChoice("org-chart"), ...patch });

describe("export choices", () => {
  it("starts from Where the people go while the Ownership tab shows it, and from the tab's own view otherwise", () => {
    expect(startView("ownership")).toBe("ownership");
    showingEffort(true);
    expect(startView("ownership")).toBe("effort");
    expect(startView("org-chart")).toBe("org-chart");
    showingEffort(false);
    expect(startView("ownership")).toBe("ownership");
    expect(suggestedName("Acme", defaultChoice("effort"))).toBe("Acme where the people go.pdf");
    expect(problem({ ...defaultChoice("effort"), scope: "selection" }, { persons: [], units: [] })).toBe("Where the people go exports whole.");
  });

  it("starts on the Plan tab's chart and exports it over the periods the tab shows", () => {
    planChartState.setDisplay("cost");
    expect(startView("headcount")).toBe("cost");
    planChartState.setDisplay("table");
    expect(startView("headcount")).toBe("headcount");
    planChartState.setRange("quarter", "2027-01-01", "2027-12-31");
    const c = defaultChoice("headcount");
    expect(exportArgs(c, none)).toMatchObject({ what: { view: "headcount", scope: null, periods: { by: "quarter", from: "2027-01-01", to: "2027-12-31" } } });
    expect(suggestedName("Acme", { ...c, format: "svg" })).toBe("Acme headcount over time.svg");
    expect(problem({ ...c, scope: "selection" }, picked)).toBe("The charts over time export whole.");
    const before = previewKey(c, none);
    planChartState.setRange("month", "2027-01-01", "2027-12-31");
    expect(previewKey(c, none)).not.toBe(before);
  });

  it("start on the view on screen with the whole diagram", () => {
    const c = defaultChoice("team-map");
    expect(c.view).toBe("team-map");
    expect(c.scope).toBe("whole");
    expect(exportArgs(c, picked)).toMatchObject({ what: { view: "team-map", scope: null } });
  });

  it("scope a selected person on the org chart and a selected unit on the team map", () => {
    expect(exportArgs(choice({ scope: "selection" }), picked)).toMatchObject({ what: { view: "org-chart", scope: 7 } });
    expect(exportArgs(choice({ view: "team-map", scope: "selection" }), picked)).toMatchObject({ what: { view: "team-map", scope: 3 } });
    expect(selectionRoot("ownership", picked)).toBeNull();
  });

  it("refuse a selection scope with nothing selected", () => {
    expect(problem(choice({ scope: "selection" }), none)).toMatch(/Select a person/);
    expect(exportArgs(choice({ view: "team-map", scope: "selection" }), { persons: [7], units: [] })).toHaveProperty("problem");
  });

  it("turn PDF options into a tiled or one-page export", () => {
    const tiled = exportArgs(choice({ format: "pdf", page: "a3", landscape: false, tile: true, scale: 3 }), none);
    expect(tiled).toMatchObject({ options: { format: "pdf", page: "a3", landscape: false, tile: true, scale: 3, width: null, transparent: false } });
    const one = exportArgs(choice({ format: "pdf", tile: false, scale: 3, transparent: true }), none);
    expect(one).toMatchObject({ options: { tile: false, scale: 1, transparent: false } });
  });

  it("give PNG a scale or a width, and check the width", () => {
    expect(exportArgs(choice({ format: "png", scale: 4, transparent: true }), none)).toMatchObject({ options: { scale: 4, width: null, transparent: true } });
    expect(exportArgs(choice({ format: "png", pngSize: "width", width: " 1200 " }), none)).toMatchObject({ options: { width: 1200 } });
    for (const bad of ["", "0", "12.5", "abc", "99999"]) {
      expect(problem(choice({ format: "png", pngSize: "width", width: bad }), none)).toMatch(/width/);
    }
    expect(problem(choice({ format: "png", scale: 5 }), none)).toMatch(/scale/);
  });

  it("never tile SVG or PNG", () => {
    expect(exportArgs(choice({ format: "svg", tile: true }), none)).toMatchObject({ options: { format: "svg", tile: false } });
  });

  it("suggest a file name from the document and view without path characters", () => {
    expect(suggestedName("Acme/HQ", choice({ format: "png" }))).toBe("Acme HQ org chart.png");
    expect(suggestedName(null, choice({ view: "ownership", format: "svg" }))).toBe("Topograph ownership map.svg");
  });
  it("limit the org chart's levels and send no limit for the other views or for all levels", () => {
    expect(exportArgs(choice({ levels: 3 }), none)).toMatchObject({ what: { view: "org-chart", levels: 3 } });
    expect(exportArgs(choice({ levels: 0 }), none)).toMatchObject({ what: { levels: null } });
    expect(exportArgs(choice({ view: "team-map", levels: 3 }), none)).toMatchObject({ what: { levels: null } });
  });
  it("redraw the preview when the page changes for a PDF on paper but not for an image", () => {
    const a4 = previewKey(choice({ format: "pdf", page: "a4", landscape: true }), none);
    expect(previewKey(choice({ format: "pdf", page: "a4", landscape: false }), none)).not.toBe(a4);
    expect(previewKey(choice({ format: "pdf", page: "letter", landscape: true }), none)).not.toBe(a4);
    expect(previewKey(choice({ format: "svg", landscape: true }), none)).toBe(previewKey(choice({ format: "png", landscape: false }), none));
    expect(previewKey(choice({ scope: "selection" }), none)).toBeNull();
  });
});

describe("the legend option", () => {
  it("is on by default for the org chart and team map and never sent for other views", () => {
    expect(optionsOf(defaultChoice("org-chart")).legend).toBe(true);
    expect(optionsOf(defaultChoice("team-map")).legend).toBe(true);
    expect(optionsOf(defaultChoice("ownership")).legend).toBe(false);
    expect(optionsOf({ ...defaultChoice("org-chart"), legend: false }).legend).toBe(false);
  });
});

describe("colour by in the export", () => {
  it("starts as the screen is coloured, is sent for the org chart only, and can be turned off", () => {
    expect(optionsOf(defaultChoice("org-chart")).colour_by).toBeNull();
    expect(optionsOf(defaultChoice("org-chart", "custom:Office")).colour_by).toBe("custom:Office");
    expect(optionsOf(defaultChoice("team-map", "custom:Office")).colour_by).toBeNull();
    expect(optionsOf({ ...defaultChoice("org-chart", "discipline"), coloured: false }).colour_by).toBeNull();
  });

  it("draws the preview again when the colours are turned off", () => {
    const on = defaultChoice("org-chart", "discipline");
    expect(previewKey(on, none)).not.toBe(previewKey({ ...on, coloured: false }, none));
  });
});

describe("the preview's pages", () => {
  it("step one page at a time and stop at the first and the last", () => {
    expect(stepPage(0, 12, 1)).toBe(1);
    expect(stepPage(0, 12, -1)).toBe(0);
    expect(stepPage(11, 12, 1)).toBe(11);
    expect(stepPage(5, 3, 1)).toBe(2);
    expect(stepPage(0, 0, 1)).toBe(0);
  });
  it("are labelled from 1 as printed", () => {
    expect(pageLabel(0, 12)).toBe("Page 1 of 12");
    expect(pageLabel(11, 12)).toBe("Page 12 of 12");
  });
});
