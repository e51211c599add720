/**
 * Triangles sharing an edge, in compressed rows: triangle t's neighbours are
 * `neighbours[offsets[t]..offsets[t+1])`; or, on a closed, clean mesh, its three across its sides from
 * the edge mates (`edgeMates`, then the rows are empty).
 */
export interface TriangleNeighbours {
  offsets: Int32Array;
  neighbours: Int32Array;
  /**
   * Each half-edge's mate (closed-mesh-mates.ts): triangle t's neighbours are the triangles of
   * `edgeMates[3t..3t+3)`, each mate's number divided by 3. Read in place: no second 12 MB array.
   */
  edgeMates?: Int32Array;
}

/** A closed, clean mesh's neighbours, one per side in side order (as `buildTriangleNeighbours` lists them). */
export function neighboursAcrossMates(edgeMates: Int32Array): TriangleNeighbours {
  return { offsets: new Int32Array(0), neighbours: new Int32Array(0), edgeMates };
}

/**
 * Edge neighbours of every triangle of an indexed (welded) mesh, through the triangles around each
 * vertex: for edge (a, b) of triangle t, the other triangles around a that also use b. Typed arrays
 * throughout and no hashing: meshes reach millions of triangles. On a non-manifold edge every triangle
 * sharing it is a neighbour.
 */
export function buildTriangleNeighbours(indices: Uint32Array): TriangleNeighbours {
  const triangleCount = indices.length / 3;
  let vertexCount = 0;
  for (let index = 0; index < indices.length; index++)
    if (indices[index]! >= vertexCount) vertexCount = indices[index]! + 1;
  // Triangles around each vertex, in compressed rows.
  const around = new Int32Array(vertexCount + 1);
  for (let index = 0; index < indices.length; index++) around[indices[index]! + 1]! += 1;
  for (let vertex = 0; vertex < vertexCount; vertex++) around[vertex + 1]! += around[vertex]!;
  const fill = around.slice(0, vertexCount);
  const trianglesAround = new Int32Array(indices.length);
  for (let index = 0; index < indices.length; index++) {
    const vertex = indices[index]!;
    trianglesAround[fill[vertex]!] = (index / 3) | 0;
    fill[vertex]! += 1;
  }
  // Two passes over the edges: count, then fill.
  const offsets = new Int32Array(triangleCount + 1);
  let neighbours = new Int32Array(0);
  for (let pass = 0; pass < 2; pass++) {
    for (let triangle = 0; triangle < triangleCount; triangle++) {
      let found = pass === 0 ? 0 : offsets[triangle]!;
      for (let corner = 0; corner < 3; corner++) {
        const a = indices[triangle * 3 + corner]!;
        const b = indices[triangle * 3 + ((corner + 1) % 3)]!;
        if (a === b) continue;
        for (let slot = around[a]!; slot < around[a + 1]!; slot++) {
          const other = trianglesAround[slot]!;
          if (other === triangle) continue;
          if (indices[other * 3] !== b && indices[other * 3 + 1] !== b && indices[other * 3 + 2] !== b)
            continue;
          if (pass === 1) neighbours[found] = other;
          found++;
        }
      }
      if (pass === 0) offsets[triangle + 1] = found;
    }
    if (pass === 0) {
      for (let triangle = 0; triangle < triangleCount; triangle++)
        offsets[triangle + 1]! += offsets[triangle]!;
      neighbours = new Int32Array(offsets[triangleCount]!);
    }
  }
  return { offsets, neighbours };
}
