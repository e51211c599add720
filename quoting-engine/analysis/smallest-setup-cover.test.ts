import { describe, expect, it } from "vitest";
import { smallestCover } from "./smallest-setup-cover";

/** A reproducible table of answers: face × candidate → reached, with about `share` of them true. */
function randomTable(faces: number, candidates: number, share: number, seed: number): boolean[][] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: faces }, () => Array.from({ length: candidates }, () => next() < share));
}

/** The search as written before the answers were kept as bits: every face asked of every combination. */
function referenceCover(
  candidateCount: number,
  faces: number[],
  reaches: (face: number, index: number) => boolean,
): number[] {
  if (faces.length === 0) return [];
  const covers = (chosen: number[]) => faces.every((face) => chosen.some((index) => reaches(face, index)));
  let budget = 50_000;
  const search = (size: number, from: number, chosen: number[]): number[] | undefined => {
    if (chosen.length === size) {
      budget--;
      return covers(chosen) ? [...chosen] : undefined;
    }
    if (budget <= 0) return undefined;
    for (let index = from; index < candidateCount; index++) {
      chosen.push(index);
      const found = search(size, index + 1, chosen);
      chosen.pop();
      if (found) return found;
    }
    return undefined;
  };
  for (let size = 1; size <= Math.min(4, candidateCount) && budget > 0; size++) {
    const found = search(size, 0, []);
    if (found) return found;
  }
  const chosen: number[] = [];
  let open = faces;
  while (open.length > 0) {
    let best = 0;
    let bestCount = -1;
    for (let index = 0; index < candidateCount; index++) {
      const count = open.filter((face) => reaches(face, index)).length;
      if (count > bestCount) {
        best = index;
        bestCount = count;
      }
    }
    chosen.push(best);
    open = open.filter((face) => !reaches(face, best));
  }
  return chosen;
}

// Tables where a cover of one to four directions exists, where the exact search runs out of its budget
// (24 candidates, sparse answers: the greedy fallback) and face counts across word boundaries (31–65).
const cases = [
  { faces: 12, candidates: 6, share: 0.5 },
  { faces: 31, candidates: 10, share: 0.35 },
  { faces: 32, candidates: 12, share: 0.3 },
  { faces: 33, candidates: 8, share: 0.6 },
  { faces: 65, candidates: 24, share: 0.12 },
  { faces: 200, candidates: 24, share: 0.2 },
];

describe("smallest setup cover", () => {
  it("chooses the same directions as the search that asked every face of every combination", () => {
    for (const [caseIndex, { faces, candidates, share }] of cases.entries())
      for (let seed = 1; seed <= 6; seed++) {
        const table = randomTable(faces, candidates, share, seed * 97 + caseIndex);
        // Some faces no candidate reaches are undercuts: the planner leaves them out of the cover.
        const needed = table.flatMap((row, face) => (row.some(Boolean) ? [face] : []));
        const reaches = (face: number, index: number) => table[face]![index]!;
        expect(smallestCover(candidates, needed, { reaches })).toEqual(
          referenceCover(candidates, needed, reaches),
        );
      }
  });

  it("asks each face about each direction at most once, also when the exact search runs out of budget", () => {
    const candidates = 24;
    const table = randomTable(65, candidates, 0.12, 4242);
    const needed = table.flatMap((row, face) => (row.some(Boolean) ? [face] : []));
    const asked = new Map<number, number>();
    const chosen = smallestCover(candidates, needed, {
      reaches: (face, index) => {
        const slot = face * candidates + index;
        asked.set(slot, (asked.get(slot) ?? 0) + 1);
        return table[face]![index]!;
      },
    });
    // Sparse answers: no four directions cover these faces, so the search tried its whole budget.
    expect(chosen.length).toBeGreaterThan(4);
    expect(asked.size).toBeGreaterThan(0);
    expect(Math.max(...asked.values())).toBe(1);
  });

  it("asks a direction no further once it cannot reach more of the open faces than the best so far", () => {
    // 30 faces, 8 directions: face f is reached from direction f mod 8, and direction 0 reaches faces
    // 0–19 as well. No four directions cover them all, so the greedy choice runs; direction 0 reaches 23 of
    // the 30 at first, and the others (4 each) drop out once fewer faces are left to ask than they trail by.
    const [faceCount, candidates] = [30, 8];
    const reaches = (face: number, index: number) =>
      face % candidates === index || (index === 0 && face < 20);
    const needed = Array.from({ length: faceCount }, (_, face) => face);
    const asked = new Set<number>();
    const chosen = smallestCover(candidates, needed, {
      reaches: (face, index) => {
        asked.add(face * candidates + index);
        return reaches(face, index);
      },
    });
    expect(chosen).toEqual(referenceCover(candidates, needed, reaches));
    // The search that asked every open face of every direction asked all 240 questions.
    expect(asked.size).toBeLessThan(faceCount * candidates);
  });
});
