/** One floating tooltip for highlighted spans: its lines are set as text, never as markup. */
let tip: HTMLElement | null = null;

export function showTip(target: Element, lines: string[]): void {
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.setAttribute('data-testid', 'tooltip');
    document.body.append(tip);
  }
  while (tip.firstChild) tip.firstChild.remove();
  for (const [i, line] of lines.entries()) {
    const div = document.createElement('div');
    div.className = i === 0 ? 'tip-head' : 'tip-line';
    div.textContent = line;
    tip.append(div);
  }
  const r = target.getBoundingClientRect();
  tip.style.display = 'block';
  const top = r.bottom + window.scrollY + 6;
  const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
  tip.style.top = `${top}px`;
  tip.style.left = `${left}px`;
}

export function hideTip(): void {
  if (tip) tip.style.display = 'none';
}

/** Show `lines()` while the pointer (or keyboard focus) is on `el`. */
export function withTip(el: HTMLElement, lines: () => string[]): HTMLElement {
  el.addEventListener('mouseenter', () => showTip(el, lines()));
  el.addEventListener('mouseleave', hideTip);
  el.addEventListener('focus', () => showTip(el, lines()));
  el.addEventListener('blur', hideTip);
  return el;
}
