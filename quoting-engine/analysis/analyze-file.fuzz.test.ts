import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze-file";

const fixtureDir = "tests/fixtures/cad";
const knownCodes = ["empty_file", "truncated", "unsupported_format", "malformed", "no_solid", "too_large"];

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function expectCleanResult(bytes: Uint8Array, name: string): void {
  const result = analyzeFile(bytes, name);
  if ("error" in result) {
    expect(knownCodes, `${name}: ${result.error.code}`).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(15);
  } else {
    expect(Number.isFinite(result.report.volumeMm3)).toBe(true);
    expect(result.report.volumeMm3).toBeGreaterThanOrEqual(0);
    expect(result.report.bbox.min.every(Number.isFinite)).toBe(true);
  }
}

const files = readdirSync(fixtureDir).filter((name) => !name.endsWith(".md"));

describe("analyzeFile on damaged corpus files", () => {
  it.each(files)("%s: every truncation gives a clean answer", (name) => {
    const bytes = new Uint8Array(readFileSync(`${fixtureDir}/${name}`));
    const next = random(bytes.length + 1);
    const cuts = [
      0,
      1,
      4,
      83,
      84,
      85,
      ...Array.from({ length: 12 }, () => Math.floor(next() * bytes.length)),
    ];
    for (const cut of cuts) expectCleanResult(bytes.subarray(0, Math.min(cut, bytes.length)), name);
  });

  it.each(files)("%s: bit flips and overwritten bytes give a clean answer", (name) => {
    const original = new Uint8Array(readFileSync(`${fixtureDir}/${name}`));
    if (original.length === 0) return;
    const next = random(original.length * 7 + 3);
    for (let round = 0; round < 24; round++) {
      const bytes = original.slice();
      const changes = 1 + Math.floor(next() * 8);
      for (let change = 0; change < changes; change++) {
        const position = Math.floor(next() * bytes.length);
        bytes[position] =
          next() < 0.5 ? (bytes[position] ?? 0) ^ (1 << Math.floor(next() * 8)) : Math.floor(next() * 256);
      }
      expectCleanResult(bytes, name);
    }
  });

  it("refuses random bytes and text that is no CAD format", () => {
    const next = random(42);
    const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(next() * 256));
    expectCleanResult(noise, "noise.step");
    expect(analyzeFile(new TextEncoder().encode("Dear supplier, please quote"), "letter.step")).toMatchObject(
      {
        ok: false,
        error: { code: "unsupported_format" },
      },
    );
  });
});
