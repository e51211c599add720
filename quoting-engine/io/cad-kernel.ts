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
  /**
   * OpenCascade 7.6 (occt-import-js): IGES, which the first build cannot read. Loaded only when an IGES
   * file comes (`loadIgesKernel()`, or `prepareCadKernel()` with the file): most workers never read IGES.
   */
  occtImport?: OcctImportModule;
  /** What OpenCascade printed while reading the last file (its parser errors name the line). */
  messages: string[];
}

let kernel: CadKernel | undefined;
let starting: Promise<CadKernel> | undefined;
let startingIges: Promise<OcctImportModule> | undefined;

/**
 * A kernel whose WebAssembly memory grew past this while reading a file is dropped after it and loaded
 * afresh: WebAssembly memory never shrinks, and one 2 MB STEP file grows OpenCascade's from about 70 MB
 * to about 280 MB, which the worker would otherwise hold for good. Loading costs about half a second,
 * paid only after such files.
 */
export const kernelMemoryBudgetBytes = 192 * 1024 * 1024;

function collector(messages: string[]) {
  return (line: string) => {
    messages.push(line);
    if (messages.length > 200) messages.shift();
  };
}

/**
 * Loads the WebAssembly CAD kernel for STEP and BREP once per thread (about half a second and 70 MB);
 * later calls return the same instance. Call it before analysing STEP or BREP files (IGES also needs
 * `loadIgesKernel()`); mesh formats need neither.
 */
export function initCadKernel(): Promise<CadKernel> {
  if (kernel) return Promise.resolve(kernel);
  starting ??= (async () => {
    const messages: string[] = [];
    const { default: initOcct } = await import("replicad-opencascadejs");
    const occt = await initOcct({ print: collector(messages), printErr: collector(messages) });
    kernel = { occt, messages };
    return kernel;
  })();
  return starting;
}

/** Loads OpenCascade 7.6 for IGES beside the main kernel (once per thread, about 30 MB more). */
export async function loadIgesKernel(): Promise<CadKernel> {
  const loaded = await initCadKernel();
  if (loaded.occtImport) return loaded;
  startingIges ??= (async () => {
    const { default: initOcctImport } = await import("occt-import-js");
    return (initOcctImport as (options: object) => Promise<OcctImportModule>)({
      print: collector(loaded.messages),
      printErr: collector(loaded.messages),
    });
  })();
  const occtImport = await startingIges;
  startingIges = undefined;
  // The main kernel may have been replaced meanwhile: the IGES kernel goes with the current one.
  const current = await initCadKernel();
  current.occtImport ??= occtImport;
  return current;
}

/**
 * Drops the kernel after it trapped (a WebAssembly RuntimeError leaves OpenCascade's state undefined);
 * the next initCadKernel() loads a fresh one.
 */
export function discardCadKernel(): void {
  kernel = undefined;
  starting = undefined;
  startingIges = undefined;
}

/**
 * After a file: drops a kernel whose WebAssembly memory grew past the budget (the garbage collector
 * then returns it), so the worker goes back to a fresh kernel's size; the next initCadKernel() loads one.
 * True when it dropped the kernel.
 */
export function releaseGrownCadKernel(budgetBytes = kernelMemoryBudgetBytes): boolean {
  if (!kernel) return false;
  const bytes =
    ((kernel.occt as unknown as { wasmMemory?: WebAssembly.Memory }).wasmMemory?.buffer.byteLength ?? 0) +
    ((kernel.occtImport as unknown as { HEAPU8?: Uint8Array } | undefined)?.HEAPU8?.byteLength ?? 0);
  if (bytes <= budgetBytes) return false;
  discardCadKernel();
  return true;
}

/** The loaded kernel, or undefined before initCadKernel() has finished. */
export function getCadKernel(): CadKernel | undefined {
  return kernel;
}
