// Stands in for mathjs's utils/latex.js in the pane bundle: the pane only parses expressions (src/engine/
// expression.ts) and never asks a node for TeX, so the TeX tables and escaper (~9 KB minified) stay out.
// Every name mathjs imports is here; asking for TeX says why it fails.
function noTex() {
  throw new Error("LaTeX output is not part of the ZS Scorer pane bundle");
}
export const latexSymbols = {};
export const latexOperators = {};
export const latexFunctions = {};
export const defaultTemplate = "";
export const escapeLatex = noTex;
export const toSymbol = noTex;
