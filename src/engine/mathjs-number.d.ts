// mathjs ships its lightweight number-only entry under package "exports", which the project's
// `moduleResolution: node` does not read; it has the same API as the main entry.
declare module "mathjs/number" {
  export * from "mathjs";
}
