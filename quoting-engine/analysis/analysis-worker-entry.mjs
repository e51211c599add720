// Worker entry when the engine runs from its TypeScript sources: loads the worker through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./analysis-worker.ts", import.meta.url);
