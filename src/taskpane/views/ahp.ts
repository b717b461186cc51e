/* global Event, HTMLElement, HTMLSelectElement */
/**
 * The AHP helper: each pair of dimensions judged on Saaty's verbal scale (同等重要 … 极端重要), the
 * consistency ratio, the least consistent judgement named in words with the value that would fit the
 * others, and a confirmation before weights with CR > 0.1 are used.
 */
import type { AhpResult, Label } from "../../engine";
import { formatNumber } from "../../workbook/format";
import { h, option } from "../../ui/dom";
import { ahpWeights } from "../session";
import type { Store } from "../store";
import { setText, text, type View } from "./view";

/** Saaty's scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme importance. */
const SCALE: { value: number; label: Label }[] = [
  { value: 1, label: { zh: "同等重要", en: "equally important" } },
  { value: 3, label: { zh: "稍微重要", en: "moderately more important" } },
  { value: 5, label: { zh: "明显重要", en: "strongly more important" } },
  { value: 7, label: { zh: "强烈重要", en: "very strongly more important" } },
  { value: 9, label: { zh: "极端重要", en: "extremely more important" } },
];

const T = {
  title: { zh: "AHP 两两比较", en: "AHP pairwise comparison" },
  hint: {
    zh: "逐对比较两个维度哪个更重要、重要多少；由判断算出权重。",
    en: "For each pair, say which dimension matters more and by how much; the weights follow.",
  },
  cr: { zh: "一致性比率 CR", en: "Consistency ratio CR" },
  ok: { zh: "判断一致（CR ≤ 0.1）", en: "consistent (CR ≤ 0.1)" },
  bad: { zh: "判断不一致（CR > 0.1）", en: "inconsistent (CR > 0.1)" },
  use: { zh: "采用 AHP 权重", en: "Use AHP weights" },
  confirm: { zh: "仍然采用", en: "Use them anyway" },
  cancel: { zh: "取消", en: "Cancel" },
};

/** The scale's value nearest to x (on the log scale), as a judgement a ≥ 1 or its reciprocal. */
export function nearestJudgement(x: number): number {
  const a = x >= 1 ? x : 1 / x;
  const best = SCALE.reduce((b, s) =>
    Math.abs(Math.log(s.value / a)) < Math.abs(Math.log(b.value / a)) ? s : b
  );
  return x >= 1 ? best.value : 1 / best.value;
}

export class AhpView implements View {
  readonly el: HTMLElement;
  private readonly result = h("p", { class: "muted", "data-testid": "ahp-cr" });
  private readonly advice = h("p", { class: "small", "data-testid": "ahp-advice" });
  private readonly confirm: HTMLElement;
  private asked = 0;
  private latest: AhpResult | null = null;

  constructor(private readonly store: Store) {
    const s = store.state;
    const dims = s.model.dimensions;
    const t = (l: Label) => text(store, l);
    const pairs: HTMLElement[] = [];
    for (let i = 0; i < dims.length; i++) {
      for (let j = i + 1; j < dims.length; j++) {
        const id = `ahp-${i}-${j}`;
        const a = dims[i].label[s.lang];
        const b = dims[j].label[s.lang];
        const select = h("select", {
          id,
          "data-pair": `${i}-${j}`,
          onchange: (e: Event) =>
            store.setJudgement(i, j, Number((e.target as HTMLSelectElement).value)),
        });
        // a over b from extreme down to equal, then b over a.
        for (const sc of [...SCALE].reverse())
          if (sc.value > 1) select.append(option(String(sc.value), verbal(a, b, sc.label, s.lang)));
        select.append(
          option("1", s.lang === "zh" ? `${a}与${b}同等重要` : `${a} and ${b} equally important`)
        );
        for (const sc of SCALE)
          if (sc.value > 1)
            select.append(option(String(1 / sc.value), verbal(b, a, sc.label, s.lang)));
        pairs.push(h("div", { class: "pair" }, h("label", { for: id }, `${a} — ${b}`), select));
      }
    }
    this.confirm = h(
      "div",
      { class: "msg error confirm", role: "alertdialog", "aria-labelledby": "ahp-confirm-text" },
      h("p", { id: "ahp-confirm-text" }),
      h(
        "button",
        { type: "button", id: "ahp-confirm", class: "primary", onclick: () => this.use(true) },
        t(T.confirm)
      ),
      h("button", { type: "button", id: "ahp-cancel", onclick: () => this.cancel() }, t(T.cancel))
    );
    this.confirm.hidden = true;
    this.el = h(
      "details",
      { class: "ahp" },
      h("summary", {}, t(T.title)),
      h("p", { class: "muted small" }, t(T.hint)),
      ...pairs,
      h("div", { "aria-live": "polite" }, this.result, this.advice),
      h("button", { type: "button", id: "ahp-use", onclick: () => this.use(false) }, t(T.use)),
      this.confirm
    );
    // Nothing computed until the helper is opened: the AHP code is a chunk fetched on first use.
    this.result.setAttribute("aria-busy", "true");
    this.el.addEventListener("toggle", () => this.update());
    this.update();
  }

  private use(confirmed: boolean): void {
    const r = this.latest;
    if (!r) return;
    if (!r.consistent && !confirmed) {
      const p = this.confirm.querySelector("p")!;
      p.textContent =
        this.store.state.lang === "zh"
          ? `CR = ${r.cr.toFixed(2)}，超过 0.1，这些判断互相矛盾，算出的权重不可靠。仍要采用吗？`
          : `CR = ${r.cr.toFixed(2)} is above 0.1: these judgements contradict each other and the weights are unreliable. Use them anyway?`;
      this.confirm.hidden = false;
      this.confirm.querySelector<HTMLElement>("#ahp-cancel")!.focus();
      return;
    }
    this.confirm.hidden = true;
    const dims = this.store.state.model.dimensions;
    this.store.setWeights(Object.fromEntries(dims.map((d, k) => [d.id, r.weights[k]])));
    this.el.querySelector<HTMLElement>("#ahp-use")!.focus();
  }

  private cancel(): void {
    this.confirm.hidden = true;
    this.el.querySelector<HTMLElement>("#ahp-use")!.focus();
  }

  update(): void {
    const s = this.store.state;
    for (const select of Array.from(
      this.el.querySelectorAll<HTMLSelectElement>("select[data-pair]")
    )) {
      const [i, j] = select.dataset.pair!.split("-").map(Number);
      const v = s.pairwise[i][j];
      const match = Array.from(select.options).find((o) => Math.abs(Number(o.value) - v) < 1e-9);
      if (match && !match.selected) match.selected = true;
    }
    if (!this.el.hasAttribute("open")) return;
    // aria-busy until the answer to the latest judgements shows (the AHP code may still be loading).
    const asked = ++this.asked;
    this.result.setAttribute("aria-busy", "true");
    void ahpWeights(s.pairwise).then((r) => {
      if (asked !== this.asked) return;
      this.show(r);
      this.result.removeAttribute("aria-busy");
    });
  }

  private show(r: AhpResult): void {
    const s = this.store.state;
    const dims = s.model.dimensions;
    this.latest = r;
    const t = (l: Label) => text(this.store, l);
    setText(this.result, `${t(T.cr)} = ${r.cr.toFixed(3)} · ${t(r.consistent ? T.ok : T.bad)}`);
    this.result.className = r.consistent ? "muted" : "msg error";
    const worst = r.inconsistent[0];
    if (!r.consistent && worst) {
      const a = dims[worst.row].label[s.lang];
      const b = dims[worst.col].label[s.lang];
      const said = describeJudgement(a, b, worst.value, s.lang);
      const better = describeJudgement(a, b, nearestJudgement(worst.implied), s.lang);
      setText(
        this.advice,
        s.lang === "zh"
          ? `最不一致的判断：“${said}”。与其他判断相符的是约 ${formatNumber(worst.implied, 2)}，建议改为“${better}”。`
          : `Least consistent: "${said}". The other judgements imply about ${formatNumber(worst.implied, 2)}; try "${better}".`
      );
    } else setText(this.advice, "");
    if (r.consistent) this.confirm.hidden = true;
  }
}

function verbal(a: string, b: string, label: Label, lang: "zh" | "en"): string {
  return lang === "zh"
    ? `${a}比${b}${label.zh}`
    : `${a} ${label.en.replace(" more important", "")} more important than ${b}`;
}

/** A judgement a_ij in words: "A比B明显重要", "A与B同等重要", "B比A稍微重要". */
function describeJudgement(a: string, b: string, value: number, lang: "zh" | "en"): string {
  const v = nearestJudgement(value);
  if (v === 1) return lang === "zh" ? `${a}与${b}同等重要` : `${a} and ${b} equally important`;
  const sc = SCALE.find((x) => x.value === (v > 1 ? v : 1 / v))!;
  return v > 1 ? verbal(a, b, sc.label, lang) : verbal(b, a, sc.label, lang);
}
