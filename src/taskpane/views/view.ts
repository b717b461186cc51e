/* global Element, HTMLElement */
/**
 * What every view of the pane is: its element, built once, and an update that touches only what a
 * store change affects, so focus and scroll stay where the user left them.
 */
import type { Label } from "../../engine";
import { h } from "../../ui/dom";
import { gradeTone } from "../../workbook/palette";
import type { Store } from "../store";

export interface View {
  readonly el: HTMLElement;
  update(changes: ReadonlySet<string>): void;
}

/**
 * A view the first render does not need, whose code comes in its own chunk (the start bundle has a
 * size target): fetched when the view is first updated, i.e. when its tab is first shown; its element
 * holds the view once the chunk is in, brought up to date then.
 */
export class DeferredView implements View {
  readonly el = h("div");
  private view: View | null = null;
  private loading = false;

  constructor(private readonly load: () => Promise<View>) {}

  update(changes: ReadonlySet<string>): void {
    if (this.view) {
      this.view.update(changes);
      return;
    }
    if (this.loading) return;
    this.loading = true;
    this.load().then(
      (view) => {
        this.view = view;
        this.el.append(view.el);
        view.update(changes);
      },
      () => {
        this.el.append(
          h(
            "p",
            { class: "muted small" },
            "此部分未能加载，请重新打开任务窗格 / This part could not be loaded; reopen the pane"
          )
        );
      }
    );
  }
}

/** The current language's text of a label. */
export function text(store: Store, label: Label): string {
  return label[store.state.lang];
}

/** Sets text only when it differs, so unchanged nodes are not touched (nor announced). */
export function setText(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

/** A grade badge (the element of class "grade") in the one palette: as the grade's cells in Excel and the CLI's files. */
export function paintGrade(el: HTMLElement, grade: string | null): HTMLElement {
  setText(el, grade ?? "—");
  // A CSSOM property, which the pane's CSP allows (it refuses inline style attributes).
  el.style.background = gradeTone(grade).strong;
  return el;
}

/** At most n characters, an ellipsis marking a cut. */
export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
