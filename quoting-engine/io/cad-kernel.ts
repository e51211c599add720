import type { OpenCascadeInstance } from "replicad-opencascadejs";

/** occt-import-js's module: the part of it the IGES reader uses. */
export interface OcctImportModule {
  ReadIgesFile(
    bytes: Uint8Array,
    params: {
      linearUnit?: string;
      linearDeflectionType?: string;
      linearDeflection?: number;
      angularDeflection?: number;
    },
  ): OcctImportResult;
}

export interface OcctImportResult {
  success: boolean;
  meshes: {
    name?: string;
    attributes: { position: { array: number[] } };
    index: { array: number[] };
    brep_faces: { first: number; last: number }[];
  }[];
}

export interface CadKernel {
  /** OpenCascade 8 (replicad-opencascadejs): exact STEP and BREP. */
  occt: OpenCascadeInstance;
  /** OpenCascade 7.6 (occt-import-js): IGES, which the first build cannot read. */
  occtImport: OcctImportModule;
  /** What OpenCascade printed while reading the last file (its parser errors name the line). */
  messages: string[];
}

let kernel: CadKernel | undefined;
let starting: Promise<CadKernel> | undefined;

/**
 * Loads the WebAssembly CAD kernels once per thread (about half a second and 200 MB); later calls return
 * the same instance. Call it before analysing STEP, IGES or BREP files; mesh formats do not need it.
 */
export function initCadKernel(): Promise<CadKernel> {
  if (kernel) return Promise.resolve(kernel);
  starting ??= (async () => {
    const messages: string[] = [];
    const collect = (line: string) => {
      messages.push(line);
      if (messages.length > 200) messages.shift();
    };
    const [{ default: initOcct }, { default: initOcctImport }] = await Promise.all([
      import("replicad-opencascadejs"),
      import("occt-import-js"),
    ]);
    const [occt, occtImport] = await Promise.all([
      initOcct({ print: collect, printErr: collect }),
      (initOcctImport as (options: object) => Promise<OcctImportModule>)({
        print: collect,
        printErr: collect,
      }),
    ]);
    kernel = { occt, occtImport, messages };
    return kernel;
  })();
  return starting;
}

/**
 * Drops the kernel after it trapped (a WebAssembly RuntimeError leaves OpenCascade's state undefined);
 * the next initCadKernel() loads a fresh one.
 */
export function discardCadKernel(): void {
  kernel = undefined;
  starting = undefined;
}

/** The loaded kernel, or undefined before initCadKernel() has finished. */
export function getCadKernel(): CadKernel | undefined {
  return kernel;
}
