// The ground truth of the CAD corpus (MANIFEST.tsv) as the engine bench reads it.

export interface Truth {
  volumeMm3?: number;
  areaMm2?: number;
  sizeMm?: number[];
  bodies?: number;
  exactGeometry: boolean;
}

/** The measured volume, area, size and bodies a corpus line states, exact (B-rep) or from its mesh. */
export function parseTruth(text: string): Truth | undefined {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const list = (pattern: RegExp) => pattern.exec(text)?.[1]?.split(",").map(Number);
  const brep = /derived\(OCCT exact B-rep, solids only\):([^|]*)/.exec(text)?.[1];
  if (brep) {
    return {
      volumeMm3: number(/analyticVolume=([\d.e+-]+)/) ?? Number(/V=([\d.e+-]+)/.exec(brep)?.[1]),
      areaMm2: Number(/A=([\d.e+-]+)/.exec(brep)?.[1]),
      sizeMm: /bboxSize=\[([^\]]+)\]/.exec(brep)?.[1]?.split(",").map(Number),
      bodies: Number(/solids=(\d+)/.exec(brep)?.[1]),
      exactGeometry: true,
    };
  }
  const mesh = /derived\(mesh[^)]*\):([^|]*)/.exec(text)?.[1];
  if (mesh) {
    // The loader's volume of an open mesh is not the part's volume (we close the holes): compare area and size only.
    const open = Number(/boundaryEdges=(\d+)/.exec(mesh)?.[1] ?? 0) > 0;
    return {
      volumeMm3: open ? undefined : Number(/V=([\d.e+-]+)/.exec(mesh)?.[1]),
      areaMm2: Number(/A=([\d.e+-]+)/.exec(mesh)?.[1]),
      sizeMm: list(/size=\[([^\]]+)\]/),
      exactGeometry: false,
    };
  }
  return undefined;
}
