/**
 * Whether the refused file the Rust side names is the one this error is about: an open error starts with the
 * file's path. A later error of another kind (an undo refused in the open document) offers nothing.
 */
export function repairOfferFor(refused: string | null, message: string): string | null {
  return refused !== null && message.startsWith(`${refused}:`) ? refused : null;
}
