// The engine bench's checks of recognised features against the constructed parts' ground truth; the
// counts and misses it prints in its summary.

/**
 * MFCAD's class ids in its own order: chamfer first, stock last. The corpus MANIFEST names the ids in a
 * different order (rectangular_through_slot first), which its own geometry contradicts: class 1 holds
 * three walls closing a triangle right through the part (a triangular passage, not a slot), class 11
 * six walls around a floor (a 6-sided pocket), class 0 a lone 45° bevel (a chamfer). So the ids are
 * read with MFCAD's order, and each class counts for its family.
 */
const mfcadFamilies = [
  "chamfer", // chamfer
  "passage", // triangular_passage
  "passage", // rectangular_passage
  "passage", // 6sides_passage
  "slot", // triangular_through_slot
  "slot", // rectangular_through_slot
  "step", // rectangular_through_step
  "step", // 2sides_through_step
  "step", // slanted_through_step
  "pocket", // triangular_pocket
  "pocket", // rectangular_pocket
  "pocket", // 6sides_pocket
  "slot", // rectangular_blind_slot
  "step", // triangular_blind_step
  "step", // rectangular_blind_step
  "stock", // stock
];

export const featureChecks = {
  wallsChecked: 0,
  wallsRight: 0,
  holesExpected: 0,
  holesFound: 0,
  holesMatched: 0,
  turnableRight: 0,
  turnableChecked: 0,
  filletsExpected: 0,
  filletsMatched: 0,
  setupsChecked: 0,
  setupsRight: 0,
  undercutChecked: 0,
  undercutRight: 0,
  familyFaces: 0,
  familyRight: 0,
};

export const featureMisses: string[] = [];

interface HoleTruth {
  d: number;
  depth: number;
  through: boolean;
  n: number;
}

/** Compares recognised features with the constructed parts' ground truth (the JSON in MANIFEST.tsv). */
export function checkFeatures(
  file: string,
  truthText: string,
  report: {
    features: {
      holes: { diameterMm: number; depthMm: number; through: boolean }[];
      fillets: { radiusMm: number; convex: boolean }[];
      turnable: boolean;
      setups: number[][];
      undercut: boolean;
    };
  },
): void {
  if (!file.startsWith("step/synth_")) return;
  const json = /; (\{"features".*?\}) \| derived/.exec(truthText)?.[1];
  if (!json) return;
  const truth = JSON.parse(json) as {
    holes?: HoleTruth[];
    fillets?: { r: number; n: number; convex: boolean }[];
    process?: string;
    setups?: number;
    accessDirs?: string[];
    undercut?: boolean;
  };
  const expected = (truth.holes ?? []).flatMap((hole) => Array.from({ length: hole.n }, () => hole));
  const found = [...report.features.holes];
  featureChecks.holesExpected += expected.length;
  featureChecks.holesFound += found.length;
  for (const hole of expected) {
    const index = found.findIndex(
      (candidate) =>
        Math.abs(candidate.diameterMm - hole.d) <= 0.01 &&
        Math.abs(candidate.depthMm - hole.depth) <= 0.05 &&
        candidate.through === hole.through,
    );
    if (index >= 0) {
      featureChecks.holesMatched++;
      found.splice(index, 1);
    } else
      featureMisses.push(
        `${file}: hole d${hole.d} depth ${hole.depth} ${hole.through ? "through" : "blind"} not found`,
      );
  }
  for (const extra of found)
    featureMisses.push(
      `${file}: extra hole d${extra.diameterMm.toFixed(2)} depth ${extra.depthMm.toFixed(2)}`,
    );
  for (const fillet of truth.fillets ?? []) {
    featureChecks.filletsExpected += fillet.n;
    featureChecks.filletsMatched += Math.min(
      fillet.n,
      report.features.fillets.filter(
        (candidate) => Math.abs(candidate.radiusMm - fillet.r) <= 0.01 && candidate.convex === fillet.convex,
      ).length,
    );
  }
  const thinnest = (truth as { thinWalls?: { t: number }[] }).thinWalls?.reduce(
    (min, wall) => Math.min(min, wall.t),
    Infinity,
  );
  if (thinnest !== undefined && Number.isFinite(thinnest)) {
    featureChecks.wallsChecked++;
    const measured = (report.features as { minWallMm?: number }).minWallMm;
    if (measured !== undefined && Math.abs(measured - thinnest) <= 0.05) featureChecks.wallsRight++;
    else featureMisses.push(`${file}: minimum wall ${measured?.toFixed(3)} mm, expected ${thinnest}`);
  }
  if (truth.setups !== undefined) {
    // The count, and where the truth names them, the directions (its first `setups` access directions).
    const named = (truth.accessDirs ?? []).slice(0, truth.setups).map((label) => {
      const [, sign, axis] = /^([+-])([XYZ])/.exec(label) ?? [];
      const direction = [0, 0, 0];
      direction["XYZ".indexOf(axis ?? "Z")] = sign === "-" ? -1 : 1;
      return direction.join(",");
    });
    const found = report.features.setups.map((direction) =>
      direction.map((value) => Math.round(value) + 0).join(","),
    );
    const right = found.length === truth.setups && named.every((direction) => found.includes(direction));
    featureChecks.setupsChecked++;
    if (right) featureChecks.setupsRight++;
    else
      featureMisses.push(`${file}: setups ${found.join(" ")}, expected ${truth.setups} (${named.join(" ")})`);
  }
  featureChecks.undercutChecked++;
  if (report.features.undercut === (truth.undercut ?? false)) featureChecks.undercutRight++;
  else
    featureMisses.push(`${file}: undercut ${report.features.undercut}, expected ${truth.undercut ?? false}`);
  const shouldTurn = /turning/.test(truth.process ?? "");
  featureChecks.turnableChecked++;
  if (report.features.turnable === shouldTurn) featureChecks.turnableRight++;
  else featureMisses.push(`${file}: turnable ${report.features.turnable}, expected ${shouldTurn}`);
}

/** Per-face labels of the MFCAD parts against the family recognised for each face (same face order). */
export function checkFaceFamilies(file: string, truthText: string, families: string[]): void {
  const labels = /order \(class ids, names in report\): (\[[^\]]*\])/.exec(truthText)?.[1];
  if (!labels) return;
  const expected = (JSON.parse(labels) as number[]).map((id) => mfcadFamilies[id]);
  if (expected.length !== families.length)
    featureMisses.push(`${file}: ${families.length} faces read, ${expected.length} labelled`);
  expected.forEach((family, face) => {
    featureChecks.familyFaces++;
    if (families[face] === family) featureChecks.familyRight++;
    else featureMisses.push(`${file}: face ${face} is ${families[face]}, labelled ${family}`);
  });
}
