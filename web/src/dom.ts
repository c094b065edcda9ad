/**
 * The only way this app puts anything on the page: elements built with createElement and
 * text set with textContent. No innerHTML anywhere, so text from articles can never become
 * markup (XSS). Links accept only in-app (#…) and http(s) addresses.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export interface Attrs {
  class?: string;
  href?: string;
  title?: string;
  id?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  name?: string;
  role?: string;
  for?: string;
  tabindex?: string;
  rel?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  [data: `data-${string}`]: string | undefined;
  onclick?: (e: MouseEvent) => void;
  onsubmit?: (e: SubmitEvent) => void;
}

export function safeHref(href: string): string {
  if (href.startsWith('#') || /^https?:\/\//i.test(href) || href.startsWith('/')) return href;
  return '#';
}

function append(el: Element, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(el, c);
    return;
  }
  el.append(child instanceof Node ? child : document.createTextNode(String(child)));
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'onclick') el.addEventListener('click', v as (e: Event) => void);
    else if (k === 'onsubmit') el.addEventListener('submit', v as (e: Event) => void);
    else if (k === 'class') el.className = String(v);
    else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
    else if (k === 'value') (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) append(el, c);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Array<SVGElement | string>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** "[word]" markers from the search snippet → <mark>, as text nodes. */
export function snippet(text: string): HTMLElement {
  const out = h('span', { class: 'snippet' });
  for (const part of text.split(/(\[[^\]]*\])/)) {
    if (part.startsWith('[') && part.endsWith(']')) out.append(h('mark', {}, part.slice(1, -1)));
    else if (part) out.append(document.createTextNode(part));
  }
  return out;
}
