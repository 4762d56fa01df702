// What deleting a person does, said before it is done: where their direct reports go (to the deleted person's
// manager, as DeletePerson with reports_to "deleted-persons-manager" does), as the confirm dialog's text.
import type { Op, Person } from "../bindings";

export interface DeletePlan {
  title: string;
  /** Sentences for the dialog. */
  body: string[];
  confirmLabel: string;
  op: Op;
}

/** What the card calls someone: the name, or the role title of an unnamed open position. */
export function displayName(p: Pick<Person, "name" | "title">): string {
  return p.name.trim() === "" ? p.title : p.name;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * The dialog for deleting `person`, given the open scenario's people. Reports always go to the deleted person's
 * manager (or become tops of their own trees when there is none): the one outcome the dialog has to explain.
 */
export function deletePlan(person: Person, persons: readonly Person[]): DeletePlan {
  const name = displayName(person);
  const reports = persons.filter((p) => p.manager === person.id);
  const manager = person.manager === null ? undefined : persons.find((p) => p.id === person.manager);
  const what = person.status === "open-position" && person.name.trim() === "" ? "open position" : "person";
  const body: string[] = [];
  if (reports.length === 0) {
    body.push(`${name} has no direct reports.`);
  } else {
    const list = reports.slice(0, 3).map(displayName).join(", ") + (reports.length > 3 ? `, and ${plural(reports.length - 3, "other", "others")}` : "");
    const count = plural(reports.length, "direct report", "direct reports");
    if (manager) body.push(`${name}'s ${count} (${list}) will report to ${displayName(manager)}, ${name}'s manager.`);
    else body.push(`${name} has no manager, so ${reports.length === 1 ? "their direct report" : `each of their ${count}`} (${list}) will become the top of a tree.`);
  }
  body.push("Their team memberships and dotted lines go with them. You can undo this.");
  return {
    title: `Delete ${what} ${name}?`,
    body,
    confirmLabel: `Delete ${what}`,
    op: { op: "delete-person", id: person.id, reports_to: reports.length > 0 ? { to: "deleted-persons-manager" } : null },
  };
}
