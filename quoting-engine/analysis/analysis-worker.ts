// Worker thread body: receives files, answers with the analysis. Anything slow to initialise
// (the WebAssembly CAD kernel) is initialised once per worker, when this module loads.
import { parentPort } from "node:worker_threads";
import { analyzeFile, type AnalyzeFileOptions } from "./analyze-file";

export interface AnalysisRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: AnalyzeFileOptions;
}

parentPort?.on("message", (request: AnalysisRequest) => {
  try {
    const result = analyzeFile(request.bytes, request.fileName, request.options);
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
  }
});
