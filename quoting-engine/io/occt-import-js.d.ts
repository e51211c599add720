// occt-import-js ships no types; quoting-engine/io/cad-kernel.ts describes the part it uses.
declare module "occt-import-js" {
  const initOcctImport: (options?: object) => Promise<unknown>;
  export default initOcctImport;
}
