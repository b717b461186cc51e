/**
 * A validated model compiled for scoring: every expression parsed and compiled ONCE per model (the
 * batch path only binds them to a table's columns), transforms turned into functions, criterion
 * weights normalised within their dimension, and the fields the scorer must read listed.
 */
import { CompiledExpression, compileExpression, ValueKind } from "../expression";
import { compileTransform, CriterionTransform } from "../transforms";
import {
  BonusDef,
  CriterionDef,
  DerivedFieldDef,
  DimensionDef,
  FieldDef,
  FlagDef,
  GateDef,
  ScoringModel,
} from "../types";
import { criterionVariable, currencyVariable, fieldKind, fxConstants } from "./fields";
import { flatMap } from "../es2017";
import { lookupNames } from "../lookup";

export interface CompiledCriterion {
  def: CriterionDef;
  /** Index of its dimension in CompiledModel.dimensions. */
  dimension: number;
  /** Weight within the dimension divided by the dimension's total criterion weight. */
  share: number;
  transform: CriterionTransform;
}

export interface CompiledDimension {
  def: DimensionDef;
  /** Indices of its criteria in CompiledModel.criteria. */
  criteria: number[];
}

export interface CompiledModel {
  model: ScoringModel;
  /** Kind of every field and derived field, as expressions see them. */
  kinds: Record<string, ValueKind>;
  fields: Map<string, FieldDef>;
  /** Derived fields in dependency order, with their notes' conditions. */
  derived: { def: DerivedFieldDef; expr: CompiledExpression; notes: CompiledExpression[] }[];
  dimensions: CompiledDimension[];
  criteria: CompiledCriterion[];
  gates: { def: GateDef; pass: CompiledExpression; appliesWhen: CompiledExpression | null }[];
  bonuses: { def: BonusDef; when: CompiledExpression }[];
  flags: { def: FlagDef; when: CompiledExpression }[];
  /** Input fields the scorer reads (the others are carried but not parsed). */
  inputs: string[];
  /** Amount fields whose currency column (`<field>_currency`) an expression reads. */
  currencyInputs: string[];
}

function dependencyOrder(
  items: { def: DerivedFieldDef; expr: CompiledExpression; notes: CompiledExpression[] }[]
) {
  const byId = new Map(items.map((d) => [d.def.id, d]));
  const out: typeof items = [];
  const done = new Set<string>();
  const visit = (d: (typeof items)[number]) => {
    if (done.has(d.def.id)) return;
    done.add(d.def.id);
    for (const s of d.expr.symbols) {
      const dep = byId.get(s);
      if (dep) visit(dep);
    }
    out.push(d);
  };
  items.forEach(visit);
  return out;
}

const cache = new WeakMap<ScoringModel, CompiledModel>();

/**
 * Compiles a model that passed validateModel. Memoised per model object, so scoring the same model
 * again (a worksheet function, a re-run) does not recompile.
 */
export function compileModel(model: ScoringModel): CompiledModel {
  const hit = cache.get(model);
  if (hit) return hit;
  const kinds: Record<string, ValueKind> = {};
  const fields = new Map<string, FieldDef>();
  for (const f of model.fields) {
    kinds[f.id] = fieldKind(f.type);
    fields.set(f.id, f);
  }
  // An amount field's currency is text to expressions (totalInvestment_currency != "CNY").
  const currencyOf = new Map<string, string>();
  for (const f of model.fields)
    if (f.type === "amount") {
      kinds[currencyVariable(f.id)] = "str";
      currencyOf.set(currencyVariable(f.id), f.id);
    }
  // Lookup values are numbers per candidate, available to derived fields and everything after.
  const lookups = lookupNames(model);
  for (const name of lookups.keys()) kinds[name] = "num";
  for (const d of model.derived) kinds[d.id] = "num";
  const constants = fxConstants(model);
  const expr = (source: string) => compileExpression(source, kinds, constants);
  const derived = dependencyOrder(
    model.derived.map((def) => ({
      def,
      expr: expr(def.expression),
      notes: (def.notes ?? []).map((n) => expr(n.when)),
    }))
  );

  const dimensions: CompiledDimension[] = model.dimensions.map((def) => ({ def, criteria: [] }));
  const dimIndex = new Map(model.dimensions.map((d, i) => [d.id, i]));
  const totals = new Map<string, number>();
  for (const c of model.criteria)
    totals.set(c.dimension, (totals.get(c.dimension) ?? 0) + c.weight);
  const criteria: CompiledCriterion[] = model.criteria.map((def, i) => {
    const dimension = dimIndex.get(def.dimension) as number;
    dimensions[dimension].criteria.push(i);
    const total = totals.get(def.dimension) ?? 0;
    return {
      def,
      dimension,
      share: total > 0 ? def.weight / total : 0,
      transform: compileTransform(def, kinds[def.field] ?? "num", kinds, constants),
    };
  });

  // Gates, bonuses and flags run after the criteria, so they may read criterion values too.
  for (const c of model.criteria) kinds[criterionVariable(c.id)] = "num";
  const gates = model.gates.map((def) => ({
    def,
    pass: expr(def.pass),
    appliesWhen: def.appliesWhen ? expr(def.appliesWhen) : null,
  }));
  const bonuses = model.bonuses.map((def) => ({ def, when: expr(def.when) }));
  const flags = model.flags.map((def) => ({ def, when: expr(def.when) }));

  // Inputs: every field an expression or a criterion reads, through derived fields.
  const needed = new Set<string>();
  const derivedById = new Map(derived.map((d) => [d.def.id, d]));
  const need = (id: string) => {
    if (needed.has(id)) return;
    needed.add(id);
    const amount = currencyOf.get(id);
    if (amount !== undefined) need(amount);
    const by = lookups.get(id)?.table.by;
    if (by !== undefined && by !== "chain") need(by);
    const d = derivedById.get(id);
    d?.expr.symbols.forEach(need);
    d?.notes.forEach((n) => n.symbols.forEach(need));
  };
  const exprs: CompiledExpression[] = [
    ...flatMap(gates, (g) => (g.appliesWhen ? [g.pass, g.appliesWhen] : [g.pass])),
    ...bonuses.map((b) => b.when),
    ...flags.map((f) => f.when),
  ];
  for (const c of criteria) {
    if (c.transform.input === "chain" && model.chain) {
      // Chain fit reads its chain, role and text cells from the table itself; only the scale it
      // checks a role against is a read column.
      if (model.chain.roleScale) need(model.chain.roleScale.field);
    } else {
      need(c.def.field);
      if (c.transform.input === "expression") exprs.push(c.transform.expr);
    }
  }
  for (const e of exprs) e.symbols.filter((s) => s !== "x").forEach(need);
  const inputs = model.fields.map((f) => f.id).filter((id) => needed.has(id));
  const currencyInputs = [...currencyOf].filter(([v]) => needed.has(v)).map(([, id]) => id);

  const compiled: CompiledModel = {
    model,
    kinds,
    fields,
    derived,
    dimensions,
    criteria,
    gates,
    bonuses,
    flags,
    inputs,
    currencyInputs,
  };
  cache.set(model, compiled);
  return compiled;
}
