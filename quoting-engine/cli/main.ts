// npm run -s engine -- analyze FILE [--unit mm|cm|m|inch|ft|micron]
// Prints one JSON object (the analyze contract) and exits 0, or { ok: false, error } and exits 2.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { analyzeFile } from "../analysis/analyze-file";
import { millimetresPerUnit, type SourceUnit } from "../io/cad-model";
import { initCadKernel } from "../io/cad-kernel";
import { detectFormat } from "../io/detect-format";

const usage = "usage: engine analyze FILE [--unit mm|cm|m|inch|ft|micron]";

async function main(argv: string[]): Promise<number> {
  const [command, filePath, ...rest] = argv;
  if (command !== "analyze" || !filePath) return fail("usage", usage);
  let assumeUnit: Exclude<SourceUnit, "unknown"> | undefined;
  for (let index = 0; index < rest.length; index++) {
    if (rest[index] === "--unit") {
      const unit = rest[++index];
      if (!unit || !(unit in millimetresPerUnit))
        return fail("usage", `--unit takes one of ${Object.keys(millimetresPerUnit).join(", ")}`);
      assumeUnit = unit as Exclude<SourceUnit, "unknown">;
    } else {
      return fail("usage", `unknown option ${rest[index]}; ${usage}`);
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    return fail(
      "file_not_readable",
      `Cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const format = detectFormat(bytes);
  if (format === "step" || format === "iges" || format === "brep") await initCadKernel();
  const result = analyzeFile(bytes, path.basename(filePath), { assumeUnit });
  if ("error" in result) return fail(result.error.code, result.error.message);
  process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
  return 0;
}

function fail(code: string, message: string): number {
  process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } }, null, 2)}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
