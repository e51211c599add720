import { keptFdmScratchBytes, releaseAllFdmScratch } from "../printing/fdm-scratch";
import { keptScratchBytes, releaseScratchArrays } from "./scratch-arrays";

/**
 * Lets go of the working arrays the mesh steps and the FDM layer profile keep between files (decisions
 * 0087, 0090: ~170 MB after a million-triangle mesh) and says how many bytes were held. An idle worker
 * calls it, so a pool of workers holds that memory only while files keep coming; the next file after a
 * release pays once for fresh pages (~30–60 ms on a million triangles).
 */
export function releaseKeptWorkingArrays(): number {
  const heldBytes = keptScratchBytes() + keptFdmScratchBytes();
  releaseScratchArrays();
  releaseAllFdmScratch();
  return heldBytes;
}
