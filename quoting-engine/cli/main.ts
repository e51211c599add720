// npm run -s engine -- analyze FILE [--unit mm|cm|m|inch|ft|micron]
// npm run -s engine -- quote FILE --process P --material M [--quantity N] [--delivery-date D] [--finish F]
//                       [--tolerance fine|medium|coarse|tighter] [--today D] [--unit U]
// npm run -s engine -- quote FILE --compare [--quantity N] [--today D]
// A DXF drawing of a flat part (laser cutting) needs its sheet thickness: --thickness MM.
// Prints one JSON object and exits 0, or { ok: false, error } and exits 2.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { analyzeFile } from "../analysis/analyze-file";
import { manufacturingProcesses, toleranceOptions } from "../catalogue/catalogue";
import { millimetresPerUnit, type SourceUnit } from "../io/cad-model";
import { prepareCadKernel } from "../io/prepare-cad-kernel";
import { compareProcesses } from "../pricing/compare-processes";
import { defaultPricingData } from "../pricing/default-pricing-data";
import { quotePart } from "../pricing/quote-part";
import { readDxfPart } from "./read-dxf-part";

const usage = [
  "usage: engine analyze FILE [--unit mm|cm|m|inch|ft|micron]",
  "       engine quote FILE --process P --material M [--quantity N (default 1)] [--thickness MM (DXF)] [--delivery-date YYYY-MM-DD] [--finish F] [--tolerance fine|medium|coarse|tighter] [--today YYYY-MM-DD]",
  "       engine quote FILE --compare [--quantity N] [--today YYYY-MM-DD]",
].join("\n");

const valueOptions = [
  "--unit",
  "--process",
  "--material",
  "--quantity",
  "--delivery-date",
  "--finish",
  "--tolerance",
  "--today",
  "--thickness",
];

async function main(argv: string[]): Promise<number> {
  const [command, filePath, ...rest] = argv;
  if ((command !== "analyze" && command !== "quote") || !filePath) return fail("usage", usage);
  const flags = new Map<string, string>();
  let compare = false;
  for (let index = 0; index < rest.length; index++) {
    const name = rest[index]!;
    if (name === "--compare" && command === "quote") compare = true;
    else if (
      valueOptions.includes(name) &&
      (command === "quote" || name === "--unit" || name === "--thickness")
    ) {
      const value = rest[++index];
      if (value === undefined || value.startsWith("--"))
        return fail("usage", `${name} needs a value; ${usage}`);
      flags.set(name, value);
    } else return fail("usage", `unknown option ${name}; ${usage}`);
  }
  const unit = flags.get("--unit");
  if (unit !== undefined && !(unit in millimetresPerUnit))
    return fail("usage", `--unit takes one of ${Object.keys(millimetresPerUnit).join(", ")}`);

  const processFlag = flags.get("--process")?.replaceAll("-", "_");
  const process = manufacturingProcesses.find((candidate) => candidate === processFlag);
  if (command === "quote" && !compare && !process)
    return fail(
      "usage",
      `--process takes one of ${manufacturingProcesses.map((name) => name.replaceAll("_", "-")).join(", ")}`,
    );
  const materialCode = flags.get("--material");
  if (command === "quote" && !compare && !materialCode)
    return fail("usage", `--material is required; ${usage}`);
  const toleranceFlag = flags.get("--tolerance");
  const tolerance = toleranceOptions.find((candidate) => candidate === toleranceFlag);
  if (toleranceFlag !== undefined && !tolerance)
    return fail("usage", `--tolerance takes ${toleranceOptions.join(", ")}`);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    return fail(
      "file_not_readable",
      `Cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  // Issue 23: a DXF drawing of a flat part, at the thickness given (quoting-engine/io/dxf).
  const dxf = filePath.toLowerCase().endsWith(".dxf")
    ? readDxfPart(bytes, path.basename(filePath), flags.get("--thickness"))
    : undefined;
  if (dxf && !dxf.ok) return fail(dxf.code, dxf.message);
  if (!dxf) await prepareCadKernel(bytes);
  const result = dxf?.ok
    ? { report: dxf.report }
    : analyzeFile(bytes, path.basename(filePath), {
        ...(unit ? { assumeUnit: unit as Exclude<SourceUnit, "unknown"> } : {}),
      });
  if ("error" in result) return fail(result.error.code, result.error.message);
  if (command === "analyze") return print(result.report);

  const quantity = Number(flags.get("--quantity") ?? "1");
  const today = flags.get("--today") ?? new Date().toISOString().slice(0, 10);
  if (compare)
    return print({ ok: true, ...compareProcesses(result.report, { quantity, today }, defaultPricingData) });
  const quote = quotePart(
    result.report,
    {
      process: process!,
      materialCode: materialCode!,
      quantity,
      today,
      ...(flags.has("--finish") ? { finishCode: flags.get("--finish")! } : {}),
      ...(tolerance ? { tolerance } : {}),
      ...(flags.has("--delivery-date") ? { deliveryDate: flags.get("--delivery-date")! } : {}),
    },
    defaultPricingData,
  );
  if (!quote.ok) {
    print(quote);
    return 2;
  }
  return print(quote);
}

function print(value: unknown): number {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

function fail(code: string, message: string): number {
  process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } }, null, 2)}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
