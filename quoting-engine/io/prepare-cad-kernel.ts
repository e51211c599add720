import { initCadKernel, loadIgesKernel, releaseGrownCadKernel } from "./cad-kernel";
import { detectFormat } from "./detect-format";

/**
 * Loads what reading these bytes needs, before the (synchronous) analysis: OpenCascade 8 for STEP and
 * BREP, OpenCascade 7.6 as well for IGES, nothing for meshes. Instant when already loaded; after a kernel
 * was dropped (it trapped, or grew past its memory budget) it loads a fresh one.
 */
export async function prepareCadKernel(bytes: Uint8Array): Promise<void> {
  // A kernel grown past its memory budget on an earlier file is replaced here, between files, so callers
  // that analyse without preparing (tests, benchmarks) never find it gone in the middle of a run.
  releaseGrownCadKernel();
  const format = detectFormat(bytes);
  if (format === "iges") await loadIgesKernel();
  else if (format === "step" || format === "brep") await initCadKernel();
}
