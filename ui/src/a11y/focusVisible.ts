// Whether an element's focus came from the keyboard (the browser's :focus-visible), where the engine can say.
export function focusVisible(el: Element): boolean {
  try {
    return el.matches(":focus-visible");
  } catch {
    // An engine without :focus-visible: a focused canvas shows its ring.
    return true;
  }
}
