// Worker thread body: receives files, answers with the analysis. Anything slow to initialise
// (the WebAssembly CAD kernel) is initialised once per worker, when this module loads.
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { initCadKernel } from "../io/cad-kernel";
import { prepareCadKernel } from "../io/prepare-cad-kernel";
import { analyzeFile, type AnalyzeFileOptions } from "./analyze-file";
import { releaseKeptWorkingArrays } from "./release-kept-working-arrays";
import { ownThreadStatPath } from "./thread-cpu-time";
import { warmMeshMeasuring } from "./warm-mesh-measuring";
import { warmShapeFactsOnce } from "./warm-shape-facts";

/** What the pool tells each worker when it starts it. */
export interface AnalysisWorkerData {
  /** This thread's nice value (Linux gives each thread its own; 0 keeps the process's priority). */
  nice: number;
  /** Let go of the kept working arrays after this long without a file (0: keep them). */
  releaseIdleArraysAfterMs: number;
}

const { nice, releaseIdleArraysAfterMs } = (workerData ?? {
  nice: 0,
  releaseIdleArraysAfterMs: 0,
}) as AnalysisWorkerData;
// Linux only: there, without a pid, it is the calling thread's priority (elsewhere the whole process's).
if (nice > 0 && process.platform === "linux") {
  try {
    // The web server's thread and the database keep their priority.
    os.setPriority(nice);
  } catch {
    // refused (some containers): the analysis runs at the process's priority
  }
}

// Once per worker: the STEP kernel takes about half a second to load (the IGES one loads when needed).
await initCadKernel();
// And the mesh measuring path, compiled on a small mesh (~0.1 s) so the first big meshes run at full speed.
warmMeshMeasuring();
// And the shape facts of the features (wall map, BVH, FDM layers), so the first part's upload does not
// pay for their warm-up (decision 0112).
warmShapeFactsOnce();

export interface AnalysisRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  /** Functions cannot cross to the thread: the callbacks' values come back as messages. */
  options: Omit<AnalyzeFileOptions, "onStage" | "onMeasured">;
  /** Send the report measured before features (only when the caller listens for it). */
  wantsMeasured?: boolean;
}

// With where the pool reads this thread's processor time (a time limit passed on a busy machine).
parentPort?.postMessage({ ready: true, threadStatPath: ownThreadStatPath() });

// Memory held for speed is held only while files keep coming: an idle worker lets go of it.
let idleTimer: NodeJS.Timeout | undefined;
const releaseWhenIdle = () => {
  if (releaseIdleArraysAfterMs <= 0) return;
  idleTimer = setTimeout(() => {
    const releasedBytes = releaseKeptWorkingArrays();
    if (releasedBytes > 0) parentPort?.postMessage({ releasedBytes });
  }, releaseIdleArraysAfterMs);
  idleTimer.unref();
};

parentPort?.on("message", async (request: AnalysisRequest) => {
  clearTimeout(idleTimer);
  try {
    // Instant when loaded; loads the IGES kernel for the first IGES file, and a fresh kernel after one
    // trapped on a damaged file or was dropped for its grown memory.
    await prepareCadKernel(request.bytes);
    // Each step and the first measured report go out as they happen: the app stores them on the part.
    const result = analyzeFile(request.bytes, request.fileName, {
      ...request.options,
      onStage: (stage) => parentPort?.postMessage({ id: request.id, stage }),
      onMeasured: request.wantsMeasured
        ? (measured) => parentPort?.postMessage({ id: request.id, measured })
        : undefined,
    });
    const transfer =
      "displayMesh" in result
        ? [
            result.displayMesh.positions.buffer,
            result.displayMesh.indices.buffer,
            result.displayMesh.faceIds.buffer,
            result.displayMesh.bodyIds.buffer,
          ]
        : [];
    parentPort?.postMessage({ id: request.id, result }, transfer as ArrayBuffer[]);
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      result: {
        ok: false,
        error: {
          code: "internal_error",
          message: `The analysis failed unexpectedly: ${(error as Error).message}`,
        },
      },
    });
  } finally {
    releaseWhenIdle();
  }
});
