/** Marks support cells (state 1) within `radius` columns of a contact 0 … `interfaceLayers` − 1 layers above as interface (5). */
export function markSupportInterface(
  contacts: Int32Array,
  contactCount: number,
  layerCount: number,
  stride: number,
  nx: number,
  ny: number,
  radius: number,
  interfaceLayers: number,
  occupied: Uint8Array,
  denseCells: Float64Array,
): void {
  if (contactCount === 0 || stride === 0) return;
  // Contacts bucketed by their top layer (counting sort), as column numbers.
  const start = new Int32Array(stride + 1);
  for (let k = 0; k < contactCount; k++) start[(contacts[k]! % layerCount) + 1]!++;
  for (let layer = 0; layer < stride; layer++) start[layer + 1]! += start[layer]!;
  const columns = new Int32Array(contactCount);
  const cursor = start.slice(0, stride);
  for (let k = 0; k < contactCount; k++) {
    const top = contacts[k]! % layerCount;
    columns[cursor[top]!++] = (contacts[k]! - top) / layerCount;
  }
  const mask = new Uint8Array(nx * ny);
  const rows = new Int32Array(nx * ny);
  for (let layer = 0; layer < stride; layer++) {
    const from = start[layer]!;
    const to = start[Math.min(stride, layer + interfaceLayers)]!;
    if (from === to) continue;
    let i0 = nx;
    let i1 = -1;
    let j0 = ny;
    let j1 = -1;
    for (let k = from; k < to; k++) {
      const c = columns[k]!;
      const i = c % nx;
      const j = (c - i) / nx;
      mask[c] = 1;
      if (i < i0) i0 = i;
      if (i > i1) i1 = i;
      if (j < j0) j0 = j;
      if (j > j1) j1 = j;
    }
    i0 = Math.max(0, i0 - radius);
    i1 = Math.min(nx - 1, i1 + radius);
    j0 = Math.max(0, j0 - radius);
    j1 = Math.min(ny - 1, j1 + radius);
    // Contacts within the radius along the row, then along the column of those counts.
    for (let j = j0; j <= j1; j++) {
      let count = 0;
      for (let i = i0; i <= Math.min(i1, i0 + radius - 1); i++) count += mask[j * nx + i]!;
      for (let i = i0; i <= i1; i++) {
        if (i + radius <= i1) count += mask[j * nx + i + radius]!;
        if (i - radius - 1 >= i0) count -= mask[j * nx + i - radius - 1]!;
        rows[j * nx + i] = count;
      }
    }
    for (let i = i0; i <= i1; i++) {
      let count = 0;
      for (let j = j0; j <= Math.min(j1, j0 + radius - 1); j++) count += rows[j * nx + i]!;
      for (let j = j0; j <= j1; j++) {
        if (j + radius <= j1) count += rows[(j + radius) * nx + i]!;
        if (j - radius - 1 >= j0) count -= rows[(j - radius - 1) * nx + i]!;
        const cell = (j * nx + i) * stride + layer;
        if (count > 0 && occupied[cell] === 1) {
          occupied[cell] = 5;
          denseCells[layer]!++;
        }
      }
    }
    for (let k = from; k < to; k++) mask[columns[k]!] = 0;
  }
}
