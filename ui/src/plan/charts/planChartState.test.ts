import { describe, expect, it } from "vitest";
import { chartScope, isChart, planChartState, planCsvName, planExportView } from "./planChartState";

describe("the Plan tab's charts and CSV", () => {
  it("starts File › Export… from the chart on screen and tells its listeners when it changes", () => {
    let heard = 0;
    const off = planChartState.subscribe(() => heard++);
    planChartState.setDisplay("cost");
    expect(planExportView()).toBe("cost");
    planChartState.setDisplay("cost");
    planChartState.setDisplay("table");
    expect(planExportView()).toBe("headcount");
    expect(heard).toBe(2);
    off();
  });

  it("asks the core for the chart over the periods on screen", () => {
    planChartState.setRange("month", "2027-01-01", "2027-06-30");
    expect(chartScope("headcount", planChartState.range())).toEqual({
      view: "headcount", scope: null, levels: null, periods: { by: "month", from: "2027-01-01", to: "2027-06-30" },
    });
    expect(isChart("cost") && !isChart("org-chart")).toBe(true);
  });

  it("names the CSV after the document and the periods, without characters a file name cannot hold", () => {
    expect(planCsvName("Acme: EU", ["2027-Q1", "2027-Q2", "2027-Q3"])).toBe("Acme  EU plan 2027-Q1 to 2027-Q3.csv");
    expect(planCsvName(null, [])).toBe("Topograph plan.csv");
  });
});
