// Deleting the selected rows, said before it is done: one person gets the chart's own dialog (./deletePlan), several
// get the same promise in one sentence, and the op is one batch (one undo step).
import type { Op } from "../bindings";
import { deletePlan, displayName, type DeletePlan } from "../inspector/deletePlan";
import { bulk, type Lookup } from "./sheetOps";

export function deleteMany(ids: readonly number[], lookup: Lookup): DeletePlan {
  const people = ids.map((id) => lookup.persons.get(id)).filter((p) => p !== undefined);
  if (people.length === 1) return deletePlan(people[0]!, lookup.records.persons);
  const names = people.slice(0, 3).map(displayName).join(", ") + (people.length > 3 ? `, and ${people.length - 3} others` : "");
  const op = bulk.delete(people.map((p) => p.id)) as Op;
  return {
    title: `Delete ${people.length} people?`,
    body: [
      `${names} will be deleted. Each one's direct reports will report to that person's manager (or become the top of a tree when there is none).`,
      "Their team memberships and dotted lines go with them. You can undo this in one step.",
    ],
    confirmLabel: `Delete ${people.length} people`,
    op,
  };
}
