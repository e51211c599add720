import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { torusStl } from "../bench/torus-stl";
if (!existsSync("/tmp/torus1m.stl")) writeFileSync("/tmp/torus1m.stl", torusStl(1000000).bytes);
const buffer = readFileSync("/tmp/torus1m.stl");
const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
for (let i = 0; i < 4; i++) {
  if (i === 3) console.log("=== timed run");
  const c0 = process.cpuUsage(); const w0 = performance.now();
  analyzeFile(bytes, "t.stl", { recognizeFeatures: true, maxBytes: bytes.length });
  const c = process.cpuUsage(c0);
  console.log(i, ((c.user + c.system) / 1000).toFixed(0), (performance.now() - w0).toFixed(0));
}
