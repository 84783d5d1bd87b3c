/**
 * Brings an element's top into sight by scrolling the one box it scrolls in. `scrollIntoView`
 * scrolls every scrollable ancestor, the window too: in the split layout the console scrolls
 * on its own, and moving the window there shifts the whole workspace up under the header.
 * Where the console does not scroll (the stacked phone layout) the page does, as before.
 */
export function revealTop(element: HTMLElement): void {
  const box = scrollingAncestor(element);
  if (box === null) {
    element.scrollIntoView({ block: "start" });
    return;
  }
  // The box's scroll-padding-top keeps the element below its sticky tabs.
  const padding = Number.parseFloat(getComputedStyle(box).scrollPaddingTop) || 0;
  const offset = element.getBoundingClientRect().top - box.getBoundingClientRect().top - padding;
  box.scrollTo({ top: box.scrollTop + offset });
}

function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node !== null && node !== document.body; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === "auto" || overflow === "scroll") && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}
