import { readFileSync, writeFileSync } from "node:fs";
import { analyzeFile } from "../quoting-engine/analysis/analyze-file";
import { torusStl } from "../bench/torus-stl";
const t = torusStl(1000000);
writeFileSync("/tmp/torus1m.stl", t.bytes);
const buffer = readFileSync("/tmp/torus1m.stl");
const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
for (let i = 0; i < 5; i++) {
  const c0 = process.cpuUsage(); const w0 = performance.now();
  const r = analyzeFile(bytes, "t.stl", { recognizeFeatures: i % 2 === 0, maxBytes: bytes.length });
  const c = process.cpuUsage(c0);
  console.log(i, i % 2 === 0 ? "features" : "measure", ((c.user + c.system) / 1000).toFixed(0), (performance.now() - w0).toFixed(0));
}
