import { growInt32 } from "./grow-typed-array";

/**
 * The support intervals of `measureFdmSupports`' columns as they are found, listed per column (linked
 * through `nextInterval`), and the contacts (a supported interval's top, `column × layerCount + layer`).
 * One object literal with every field, grown in place: the helpers that fill it are module functions, not
 * closures made per part, whose compiled code V8 threw away with every part (decisions 0101, 0102).
 */
export interface SupportIntervals {
  zMin: number;
  h: number;
  layerCount: number;
  contactGapMm: number;
  interfaceLayers: number;
  cellArea: number;
  /** Layer boundaries where a support meets the part (`supportLayerHeights`). */
  boundary: Uint8Array;
  /** The column intervals are added to. */
  currentColumn: number;
  contacts: Int32Array<ArrayBuffer>;
  contactCount: number;
  firstInterval: Int32Array<ArrayBuffer>;
  intervalFirst: Int32Array<ArrayBuffer>;
  intervalLast: Int32Array<ArrayBuffer>;
  nextInterval: Int32Array<ArrayBuffer>;
  intervalBottom: Int32Array<ArrayBuffer>;
  intervalCount: number;
  /**
   * Volume enclosed by the intervals, mm³, in a cell of its own: a number field of the literal would
   * start as a small integer and change its representation (and the literal's hidden class) at the
   * first fraction, in every part.
   */
  columnMm3: Float64Array<ArrayBuffer>;
}

/** No intervals yet, for `cellCount` columns and the layers given. */
export function supportIntervalsOf(
  layers: { zMin: number; h: number; layerCount: number; contactGapMm: number; interfaceLayers: number },
  cellArea: number,
  cellCount: number,
  boundary: Uint8Array,
): SupportIntervals {
  return {
    zMin: layers.zMin,
    h: layers.h,
    layerCount: layers.layerCount,
    contactGapMm: layers.contactGapMm,
    interfaceLayers: layers.interfaceLayers,
    cellArea,
    boundary,
    currentColumn: 0,
    contacts: new Int32Array(1024),
    contactCount: 0,
    firstInterval: new Int32Array(cellCount).fill(-1),
    intervalFirst: new Int32Array(1024),
    intervalLast: new Int32Array(1024),
    nextInterval: new Int32Array(1024),
    intervalBottom: new Int32Array(1024),
    intervalCount: 0,
    columnMm3: new Float64Array(1),
  };
}

function addContact(s: SupportIntervals, layer: number): void {
  if (s.contactCount === s.contacts.length) s.contacts = growInt32(s.contacts);
  s.contacts[s.contactCount++] = s.currentColumn * s.layerCount + layer;
}

/**
 * A support in the current column from `below` (the plate or the part's surface) up to `top` (the
 * contact gap under an overhang); `dense`: its top is interface; `contact`: its ends are support layer
 * boundaries (false for the sideways spread).
 */
export function addInterval(s: SupportIntervals, below: number, top: number, dense: boolean, contact: boolean): void {
  const { zMin, h, layerCount, boundary } = s;
  s.columnMm3[0]! += (top - below) * s.cellArea;
  // Layers as the slicer sees them: a surface at z shows in the first layer whose mid-height lies
  // above it; the topmost support layer is the contact gap below the overhang's first layer, the
  // lowest one (on the part) the contact gap above the part's last layer.
  const onPart = below > zMin + h / 2;
  const first = onPart ? Math.max(0, Math.ceil((below + s.contactGapMm - zMin) / h + 0.5) - 1) : 0;
  const last = Math.min(layerCount - 1, Math.ceil((top - zMin) / h + 0.5) - 2);
  // An overhang too close to the surface below for a support layer of its own still makes the
  // support around it interface (a thread's flanks).
  if (last < first) {
    if (last >= 0 && dense) addContact(s, last);
    return;
  }
  if (contact) {
    boundary[last + 1] = 1;
    if (onPart) boundary[first] = 1;
  }
  const bottomDense = onPart ? Math.min(last, first + s.interfaceLayers - 1) : first - 1;
  if (s.intervalCount === s.intervalFirst.length) {
    s.intervalFirst = growInt32(s.intervalFirst);
    s.intervalLast = growInt32(s.intervalLast);
    s.nextInterval = growInt32(s.nextInterval);
    s.intervalBottom = growInt32(s.intervalBottom);
  }
  const index = s.intervalCount++;
  s.intervalBottom[index] = bottomDense;
  s.intervalFirst[index] = first;
  s.intervalLast[index] = last;
  s.nextInterval[index] = s.firstInterval[s.currentColumn]!;
  s.firstInterval[s.currentColumn] = index;
  if (dense) addContact(s, last);
}
