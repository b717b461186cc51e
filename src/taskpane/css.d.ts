/** webpack hands .css files over as their text (asset/source). */
declare module "*.css" {
  const text: string;
  export default text;
}
