/** Whether candidate direction `index` reaches face `face`: the same answer every time it is asked. */
export interface ReachAnswers {
  reaches(face: number, index: number): boolean;
}

/** Most combinations the exact search tries before it falls back to the greedy choice. */
const searchBudget = 50_000;

/**
 * The fewest candidate indices such that every face is reached by one (`answers.reaches(face, index)`):
 * exact while the combinations to try stay under a budget (all sets up to four directions for parts with
 * up to about thirty candidates), greedy beyond. Each face is asked about each candidate at most once.
 */
export function smallestCover(candidateCount: number, faces: number[], answers: ReachAnswers): number[] {
  if (faces.length === 0) return [];
  const search = new CoverSearch(candidateCount, faces, answers);
  for (let size = 1; size <= Math.min(4, candidateCount) && search.budget > 0; size++) {
    const found = search.firstCover(size, 0, []);
    if (found) return found;
  }
  // Greedy: the direction reaching most of the faces still open, until none is (positions in `faces`).
  const chosen: number[] = [];
  let open = faces.map((_, position) => position);
  while (open.length > 0) {
    let best = 0;
    let bestCount = -1;
    for (let index = 0; index < candidateCount; index++) {
      // The answers known already first (they cost no rays), then the others asked until the candidate
      // cannot pass the best even if it reaches every face still unasked: the same choice (a tie keeps
      // the earlier candidate) from fewer rays.
      let count = 0;
      let unasked = open.length;
      for (const position of open)
        if (search.known(position, index)) {
          unasked--;
          if (search.answer(position, index)) count++;
        }
      for (const position of open) {
        if (count + unasked <= bestCount) break;
        if (search.known(position, index)) continue;
        unasked--;
        if (search.answer(position, index)) count++;
      }
      if (count > bestCount) {
        best = index;
        bestCount = count;
      }
    }
    chosen.push(best);
    open = open.filter((position) => !search.answer(position, best));
  }
  return chosen;
}

/**
 * The exact search's state, with the answers kept as bits (per candidate, a bit per face for "reaches",
 * another for "does not"): `covers` answers whether the candidates `chosen` together reach every face,
 * as `faces.every((face) => chosen.some((index) => reaches(face, index)))` does, in word operations, so
 * that the tens of thousands of combinations the search tries are not a question per face and candidate
 * each. A face no known "reaches" covers is asked about as before, its candidates in `chosen`'s order
 * until one reaches it. Methods, not closures made per part: V8 keeps a method's optimised code from one
 * part to the next, and compiled these closures again for every part (decision 0102).
 */
class CoverSearch {
  budget = searchBudget;
  private readonly words: number;
  private readonly reached: Int32Array;
  private readonly missed: Int32Array;
  private readonly lastWordMask: number;

  constructor(
    private readonly candidateCount: number,
    private readonly faces: number[],
    private readonly answers: ReachAnswers,
  ) {
    this.words = Math.ceil(faces.length / 32);
    this.reached = new Int32Array(candidateCount * this.words);
    this.missed = new Int32Array(candidateCount * this.words);
    const lastWordFaces = faces.length - (this.words - 1) * 32;
    this.lastWordMask = lastWordFaces === 32 ? -1 : (1 << lastWordFaces) - 1;
  }

  /** The first combination of `size` candidates (from `from` on, after `chosen`) that covers every face. */
  firstCover(size: number, from: number, chosen: number[]): number[] | undefined {
    if (chosen.length === size) {
      this.budget--;
      return this.covers(chosen) ? [...chosen] : undefined;
    }
    if (this.budget <= 0) return undefined;
    for (let index = from; index < this.candidateCount; index++) {
      chosen.push(index);
      const found = this.firstCover(size, index + 1, chosen);
      chosen.pop();
      if (found) return found;
    }
    return undefined;
  }

  /** Whether the answer for candidate `index` and the face at `position` is known (costs nothing). */
  known(position: number, index: number): boolean {
    const slot = index * this.words + (position >>> 5);
    return ((this.reached[slot]! | this.missed[slot]!) & (1 << (position & 31))) !== 0;
  }

  /** Whether candidate `index` reaches the face at `position` in `faces`, asked once. */
  answer(position: number, index: number): boolean {
    const slot = index * this.words + (position >>> 5);
    const bit = 1 << (position & 31);
    if ((this.reached[slot]! & bit) !== 0) return true;
    if ((this.missed[slot]! & bit) !== 0) return false;
    const yes = this.answers.reaches(this.faces[position]!, index);
    if (yes) this.reached[slot] = this.reached[slot]! | bit;
    else this.missed[slot] = this.missed[slot]! | bit;
    return yes;
  }

  private covers(chosen: number[]): boolean {
    const { words, reached } = this;
    for (let word = 0; word < words; word++) {
      let covered = 0;
      for (let pick = 0; pick < chosen.length; pick++) covered |= reached[chosen[pick]! * words + word]!;
      let open = ~covered & (word === words - 1 ? this.lastWordMask : -1);
      // Most combinations fail at the first face left open, every chosen candidate known to miss it.
      while (open !== 0) {
        const bit = open & -open;
        open ^= bit;
        const position = word * 32 + 31 - Math.clz32(bit);
        let found = false;
        for (let pick = 0; pick < chosen.length && !found; pick++)
          found = this.answer(position, chosen[pick]!);
        if (!found) return false;
      }
    }
    return true;
  }
}
