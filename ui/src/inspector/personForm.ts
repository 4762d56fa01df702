// The inspector's form as plain data: Person → strings for the inputs, and back, with the small checks the form
// can make itself (amounts) and empty text turned into "no value". Everything else is the core's to validate.
import type { Discipline, Employment, Error as CoreError, HiringStage, Person, PersonStatus } from "../bindings";

export interface CustomRow {
  key: string;
  value: string;
}

export interface PersonForm {
  name: string;
  title: string;
  discipline: Discipline;
  level: string;
  location: string;
  email: string;
  employeeId: string;
  employment: Employment;
  status: PersonStatus;
  startDate: string;
  /** A leaver's last day. */
  endDate: string;
  /** When an open position or planned hire should start: a month, a quarter or a day. */
  targetStart: string;
  /** "" for no stage. */
  hiringStage: HiringStage | "";
  costAmount: string;
  costCurrency: string;
  custom: CustomRow[];
}

export type FormField = Exclude<keyof PersonForm, "custom"> | "custom";

/** A problem found by the form or reported by the core, with the field it belongs to when that is known. */
export interface FormError {
  code: string;
  message: string;
  field: FormField | null;
}

export const DISCIPLINES: readonly { value: Discipline; label: string }[] = [
  { value: "engineering", label: "Engineering" },
  { value: "engineering-management", label: "Engineering management" },
  { value: "product-management", label: "Product management" },
  { value: "design", label: "Design" },
  { value: "data", label: "Data" },
  { value: "research", label: "Research" },
  { value: "quality", label: "Quality" },
  { value: "other", label: "Other" },
];

export const STATUSES: readonly { value: PersonStatus; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "open-position", label: "Open position" },
  { value: "planned-hire", label: "Planned hire" },
  { value: "leaving", label: "Leaving" },
];

export const HIRING_STAGES: readonly { value: HiringStage | ""; label: string }[] = [
  { value: "", label: "—" },
  { value: "open", label: "Open" },
  { value: "approved", label: "Approved" },
  { value: "interviewing", label: "Interviewing" },
  { value: "offer", label: "Offer" },
  { value: "filled", label: "Filled" },
];

/** Whether a status is one still being hired for, so it has a target start and a hiring stage. */
export function isHiring(status: PersonStatus): boolean {
  return status === "open-position" || status === "planned-hire";
}

export const EMPLOYMENTS: readonly { value: Employment; label: string }[] = [
  { value: "employee", label: "Employee" },
  { value: "contractor", label: "Contractor" },
];

const text = (v: string | null) => v ?? "";

/** Amounts as the form shows them: plain digits, no grouping, so what is shown parses back to the same number. */
export function formatAmount(n: number | null): string {
  return n === null || !Number.isFinite(n) ? "" : String(n);
}

export function formFromPerson(p: Person): PersonForm {
  return {
    name: p.name,
    title: p.title,
    discipline: p.discipline,
    level: text(p.level),
    location: text(p.location),
    email: text(p.email),
    employeeId: text(p.employee_id),
    employment: p.employment,
    status: p.status,
    startDate: text(p.start_date),
    endDate: text(p.end_date ?? null),
    targetStart: text(p.target_start ?? null),
    hiringStage: p.hiring_stage ?? "",
    costAmount: p.cost ? formatAmount(p.cost.amount) : "",
    costCurrency: p.cost?.currency ?? "",
    custom: Object.entries(p.custom).map(([key, value]) => ({ key, value })),
  };
}

/** Trimmed text, or null for nothing: the one form "no value" has in the model. */
export function optional(s: string): string | null {
  const t = s.trim();
  return t === "" ? null : t;
}

const CURRENCY_SIGNS: Record<string, string> = { "€": "EUR", $: "USD", "£": "GBP", "¥": "JPY", "₹": "INR" };

export type ParsedAmount = { ok: true; value: number | null; currency: string | null } | { ok: false; message: string };

/**
 * Reads an annual amount as people type it: "120000", "120,000", "120 000", "1'250'000", "85,000.50",
 * "72.000,50", "€ 95000". With both "." and "," the last one is the decimal mark. With only one of them, used once,
 * it is grouping when exactly three digits follow ("120,000", "120.000": costs are rarely fractions of a unit) and
 * the decimal mark otherwise ("85.5"); used more than once it is grouping. Empty is no amount.
 */
export function parseAmount(input: string): ParsedAmount {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: true, value: null, currency: null };
  let s = trimmed;
  let currency: string | null = null;
  for (const [sign, code] of Object.entries(CURRENCY_SIGNS)) {
    if (s.includes(sign)) {
      currency = code;
      s = s.split(sign).join("");
    }
  }
  s = s.replace(/[\s\u00a0\u202f'_]/g, "");
  const bad = (): ParsedAmount => ({ ok: false, message: `'${trimmed}' is not an amount; write digits, such as 85000 or 85,000.50` });
  if (s.startsWith("-")) return { ok: false, message: "a cost must be zero or more" };
  if (!/^[0-9][0-9.,]*$/.test(s) || /[.,]$/.test(s)) return bad();
  const dots = s.split(".").length - 1, commas = s.split(",").length - 1;
  let decimal: string | null = null;
  if (dots > 0 && commas > 0) decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
  else if (dots + commas === 1) {
    const mark = dots ? "." : ",";
    if (s.length - 1 - s.indexOf(mark) !== 3) decimal = mark;
  }
  const [whole = "", frac, ...rest] = decimal ? s.split(decimal) : [s];
  if (rest.length > 0) return bad();
  // What is left of the whole part is digits, grouped in threes by one kind of mark if at all.
  if (!/^\d+$/.test(whole) && !/^\d{1,3}(\.\d{3})+$/.test(whole) && !/^\d{1,3}(,\d{3})+$/.test(whole)) return bad();
  const value = Number(whole.replace(/[.,]/g, "") + (frac === undefined ? "" : `.${frac}`));
  return Number.isFinite(value) ? { ok: true, value, currency } : bad();
}

export type FormResult = { ok: true; person: Person } | { ok: false; errors: FormError[] };

/**
 * The Person the form describes, on top of `base` (id and manager stay: UpdatePerson keeps the solid line).
 * Empty optional fields become null; a cost needs an amount (no amount = no cost) and then a currency.
 */
export function personFromForm(form: PersonForm, base: Person): FormResult {
  const errors: FormError[] = [];
  let cost: Person["cost"] = null;
  const amount = parseAmount(form.costAmount);
  if (!amount.ok) errors.push({ code: "invalid_value", message: amount.message, field: "costAmount" });
  else if (amount.value !== null) {
    const currency = (form.costCurrency.trim() || amount.currency || "").toUpperCase();
    if (currency === "") errors.push({ code: "invalid_value", message: "a cost needs a currency, such as EUR or USD", field: "costCurrency" });
    else cost = { amount: amount.value, currency };
  }
  const custom: Record<string, string> = {};
  for (const row of form.custom) {
    const key = row.key.trim();
    if (key === "" && row.value.trim() === "") continue;
    if (key === "") {
      errors.push({ code: "name_required", message: `custom value '${row.value.trim()}' needs a field name`, field: "custom" });
      continue;
    }
    if (key in custom) {
      errors.push({ code: "duplicate", message: `custom field '${key}' is there twice`, field: "custom" });
      continue;
    }
    custom[key] = row.value.trim();
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    person: {
      id: base.id,
      manager: base.manager,
      name: form.name.trim(),
      title: form.title.trim(),
      discipline: form.discipline,
      level: optional(form.level),
      location: optional(form.location),
      email: optional(form.email),
      employee_id: optional(form.employeeId),
      employment: form.employment,
      status: form.status,
      start_date: optional(form.startDate),
      end_date: optional(form.endDate),
      // Normalised as the core stores it ("2027-q1" is "2027-Q1"), so an unchanged value does not read as an edit.
      target_start: optional(form.targetStart)?.toUpperCase() ?? null,
      hiring_stage: form.hiringStage === "" ? null : form.hiringStage,
      cost,
      custom,
    },
  };
}

/** Whether applying the form would change the person (so Apply is only offered when it would). */
export function isDirty(form: PersonForm, person: Person): boolean {
  const r = personFromForm(form, person);
  if (!r.ok) return true;
  return JSON.stringify(canonical(r.person)) !== JSON.stringify(canonical(person));
}

/** The person as a list in a fixed order, so two records compare by value whatever order their keys came in. */
function canonical(p: Person): unknown[] {
  const custom = Object.keys(p.custom).sort().map((k) => [k, p.custom[k]]);
  return [
    p.id, p.manager, p.name.trim(), p.title.trim(), p.discipline, p.level, p.location, p.email, p.employee_id,
    p.employment, p.status, p.start_date, p.end_date ?? null, p.target_start ?? null, p.hiring_stage ?? null, p.cost ? [p.cost.amount, p.cost.currency] : null, custom,
  ];
}

/**
 * Which field a core error is about, from its code and message (the core names the thing: "email 'x' is not an
 * email address", "an open position needs a role title"). null when it is about the record as a whole.
 */
export function fieldOfCoreError(e: CoreError): FormField | null {
  const named = e.field ? CORE_FIELDS[e.field] : undefined;
  if (named) return named;
  const m = e.message.toLowerCase();
  // "a person needs a name (an open position needs only a role title)" vs "an open position needs a role title".
  if (e.code === "name_required") return m.includes("needs a name") ? "name" : m.includes("title") ? "title" : "name";
  if (m.includes("email")) return "email";
  if (m.includes("employee id")) return "employeeId";
  if (m.includes("end date")) return "endDate";
  if (m.includes("target start")) return "targetStart";
  if (m.includes("hiring stage")) return "hiringStage";
  if (m.includes("start date") || m.includes("date")) return "startDate";
  if (m.includes("currency")) return "costCurrency";
  if (m.includes("cost")) return "costAmount";
  if (m.includes("level")) return "level";
  if (m.includes("location")) return "location";
  if (m.includes("custom")) return "custom";
  if (m.includes("title")) return "title";
  if (m.includes("name")) return "name";
  return null;
}

/** The core's field names (Error.field) as the form's. */
const CORE_FIELDS: Record<string, FormField> = {
  name: "name", title: "title", level: "level", location: "location", email: "email", employee_id: "employeeId",
  start_date: "startDate", end_date: "endDate", target_start: "targetStart", hiring_stage: "hiringStage",
  cost: "costAmount", amount: "costAmount", currency: "costCurrency", custom: "custom",
};

export function formErrorOf(e: CoreError): FormError {
  return { code: e.code, message: e.message, field: fieldOfCoreError(e) };
}

/**
 * A new person under `manager` (null: at the top of the chart), for CreatePerson (id 0: the core picks one). Named
 * so the core accepts it.
 */
export function newReport(manager: number | null, name = "New person"): Person {
  return {
    id: 0, name, title: "", discipline: "engineering", level: null, location: null, email: null, employee_id: null,
    employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager,
  };
}

/** A new open position under `manager`: no name, a role title (which the core requires). */
export function newOpenPosition(manager: number | null, roleTitle = "Open role"): Person {
  return { ...newReport(manager, ""), title: roleTitle, status: "open-position" };
}
