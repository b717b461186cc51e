/* global document, CSS, Element, EventListener, HTMLElement, HTMLElementTagNameMap, HTMLInputElement, HTMLOptionElement, Node, SVGElement */
/**
 * The pane's only way to build DOM: text goes in through textContent, never innerHTML, so a cell
 * holding markup (a project named <img src=x onerror=…>) shows as that text and runs nothing.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (k === "value" && "value" in el) (el as HTMLInputElement).value = String(v);
    else if (k === "checked" && "checked" in el) (el as HTMLInputElement).checked = v === true;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(
      typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c
    );
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(
  tag: string,
  attrs: Record<string, string | number> = {},
  ...children: Child[]
): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

export function clear(el: HTMLElement): void {
  el.replaceChildren();
}

export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = h("option", { value }, text);
  o.selected = selected;
  return o;
}

let ids = 0;
/** A fresh id for label/control pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`;
}

/**
 * Rebuilds part of the pane and puts focus back where it was: on the new element with the same
 * `data-focus` key (or id) as the one focused before, so updates never throw the user to the top.
 */
export function keepFocus(root: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? (active.dataset.focus ?? active.id) || null : null;
  rebuild();
  if (!key || document.activeElement === active) return;
  const next =
    root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`) ??
    root.querySelector<HTMLElement>(`#${CSS.escape(key)}`);
  next?.focus();
}
