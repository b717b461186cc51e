/** Multi-criteria decision analysis: aggregation methods, weights, AHP and ranking stability. */
export * from "./matrix";
export * from "./normalize";
export * from "./aggregate";
export * from "./methods";
export * from "./weights";
export * from "./ahp";
export * from "./stability";
export * from "./correlation";
export * from "./compare";
export * from "./group";
export { rank, rankOrder, tied, DEFAULT_TIE_TOLERANCE } from "../rank";
export type { RankOptions, RankOrder } from "../rank";
