// The page itself never scrolls: the window's content is laid out to fit it, and only panels and lists scroll. A
// focused field the layout pushed past an edge (Ctrl+F in a narrow window, once) would still scroll an overflow:
// hidden ancestor and leave the whole page shifted for good; this puts such an ancestor back at once.

/** Elements that must stay unscrolled: the page's roots and the app's column. */
export function pinned(doc: Document): Element[] {
  return [doc.documentElement, doc.body, doc.getElementById("root"), doc.querySelector(".app")].filter((e): e is Element => e !== null);
}

/** Scrolls `el` back to its origin; says whether it had moved. */
export function unscroll(el: { scrollLeft: number; scrollTop: number }): boolean {
  if (el.scrollLeft === 0 && el.scrollTop === 0) return false;
  el.scrollLeft = 0;
  el.scrollTop = 0;
  return true;
}

/** Keeps the page's roots unscrolled; returns the detach function. */
export function pinPage(win: Window): () => void {
  const onScroll = (e: Event) => {
    const target = e.target instanceof Document ? e.target.documentElement : e.target;
    if (target instanceof Element && pinned(win.document).includes(target)) unscroll(target);
  };
  win.addEventListener("scroll", onScroll, true);
  for (const el of pinned(win.document)) unscroll(el);
  return () => win.removeEventListener("scroll", onScroll, true);
}
