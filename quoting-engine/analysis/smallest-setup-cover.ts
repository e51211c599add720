/**
 * The fewest candidate indices such that every face is reached by one (`reaches(face, index)`): exact
 * while the combinations to try stay under a budget (all sets up to four directions for parts with up to
 * about thirty candidates), greedy beyond.
 */
export function smallestCover(
  candidateCount: number,
  faces: number[],
  reaches: (face: number, index: number) => boolean,
): number[] {
  if (faces.length === 0) return [];
  const { covers, answer } = keptAnswers(candidateCount, faces, reaches);
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
  // Greedy: the direction reaching most of the faces still open, until none is (positions in `faces`).
  const chosen: number[] = [];
  let open = faces.map((_, position) => position);
  while (open.length > 0) {
    let best = 0;
    let bestCount = -1;
    for (let index = 0; index < candidateCount; index++) {
      const count = open.filter((position) => answer(position, index)).length;
      if (count > bestCount) {
        best = index;
        bestCount = count;
      }
    }
    chosen.push(best);
    open = open.filter((position) => !answer(position, best));
  }
  return chosen;
}

/**
 * The answers of `reaches` kept as bits (per candidate, a bit per face for "reaches", another for "does
 * not"), each asked once: `answer` by a face's position in `faces`, and `covers`, whether the candidates
 * `chosen` together reach every face, as `faces.every((face) => chosen.some((index) => reaches(face,
 * index)))` answers it, in word operations: the tens of thousands of combinations the exact search tries
 * are not a question per face and candidate each. A face that no known "reaches" covers is asked about
 * as before, its candidates in `chosen`'s order until one reaches it.
 */
function keptAnswers(
  candidateCount: number,
  faces: number[],
  reaches: (face: number, index: number) => boolean,
): { answer: (position: number, index: number) => boolean; covers: (chosen: number[]) => boolean } {
  const words = Math.ceil(faces.length / 32);
  const reached = new Int32Array(candidateCount * words);
  const missed = new Int32Array(candidateCount * words);
  const lastWordFaces = faces.length - (words - 1) * 32;
  const lastWordMask = lastWordFaces === 32 ? -1 : (1 << lastWordFaces) - 1;
  const answer = (position: number, index: number) => {
    const slot = index * words + (position >>> 5);
    const bit = 1 << (position & 31);
    if ((reached[slot]! & bit) !== 0) return true;
    if ((missed[slot]! & bit) !== 0) return false;
    const yes = reaches(faces[position]!, index);
    if (yes) reached[slot] = reached[slot]! | bit;
    else missed[slot] = missed[slot]! | bit;
    return yes;
  };
  const covers = (chosen: number[]) => {
    for (let word = 0; word < words; word++) {
      let covered = 0;
      for (let pick = 0; pick < chosen.length; pick++) covered |= reached[chosen[pick]! * words + word]!;
      let open = ~covered & (word === words - 1 ? lastWordMask : -1);
      // Most combinations fail at the first face left open, every chosen candidate known to miss it.
      while (open !== 0) {
        const bit = open & -open;
        open ^= bit;
        const position = word * 32 + 31 - Math.clz32(bit);
        let found = false;
        for (let pick = 0; pick < chosen.length && !found; pick++) found = answer(position, chosen[pick]!);
        if (!found) return false;
      }
    }
    return true;
  };
  return { answer, covers };
}
