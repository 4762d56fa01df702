// What a typed interaction date means: empty clears it, anything else goes to the core as typed (trimmed), which
// accepts YYYY-MM-DD and says why it refuses anything else.
export function dateFieldValue(typed: string): string | null {
  const t = typed.trim();
  return t === "" ? null : t;
}
