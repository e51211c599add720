import type { Point } from "./chain-closed-loops";

/** What this module reads of a dxf-parser entity: an INSERT's block reference and placement. */
export interface PlaceableEntity {
  type: string;
  layer?: string;
  lineType?: string;
  inPaperSpace?: boolean;
  name?: string;
  position?: { x: number; y: number };
  xScale?: number;
  yScale?: number;
  rotation?: number;
  columnCount?: number;
  rowCount?: number;
  columnSpacing?: number;
  rowSpacing?: number;
}

export type Placement = (point: Point) => Point;

/** How deep blocks may nest, and how many entities all INSERTs may place: an INSERT bomb stops here. */
const maxDepth = 16;
const maxPlaced = 200_000;

/**
 * Model space's entities with the placement of each into drawing coordinates: an entity drawn there
 * directly keeps its points; an INSERT is replaced by its block's entities, moved from the block's base
 * point, scaled, turned and shifted to the insert's position (for each cell of an insert array), blocks
 * within blocks likewise. An entity of a block on layer "0" or drawn "ByBlock" takes the insert's layer
 * or linetype (the DXF rule), so a bend line inside a block is still told apart. Returns undefined when
 * the blocks nest deeper than 16 or place more than 200 000 entities.
 */
export function placedEntities<Entity extends PlaceableEntity>(
  entities: Entity[],
  blocks: Record<string, { position?: { x: number; y: number }; entities?: Entity[] }>,
): { entity: Entity; place: Placement }[] | undefined {
  const placed: { entity: Entity; place: Placement }[] = [];
  const visit = (list: Entity[], place: Placement, depth: number, inherited?: Entity): boolean => {
    for (const raw of list) {
      if (raw.inPaperSpace) continue;
      const entity = inherited ? inheritFromInsert(raw, inherited) : raw;
      if (entity.type !== "INSERT") {
        if (placed.push({ entity, place }) > maxPlaced) return false;
        continue;
      }
      const block = entity.name === undefined ? undefined : blocks[entity.name];
      if (!block?.entities || /^\*paper_space/i.test(entity.name!)) continue;
      const cells = insertCells(entity, block.position ?? { x: 0, y: 0 });
      if (depth >= maxDepth || !cells) return false;
      for (const cell of cells)
        if (!visit(block.entities, (point) => place(cell(point)), depth + 1, entity)) return false;
    }
    return true;
  };
  return visit(entities, (point) => point, 0) ? placed : undefined;
}

/** The placements of an INSERT's cells (one, or columns × rows of an insert array); undefined past the limit. */
function insertCells(insert: PlaceableEntity, base: { x: number; y: number }): Placement[] | undefined {
  const [columns, rows] = [Math.max(1, insert.columnCount ?? 1), Math.max(1, insert.rowCount ?? 1)];
  if (columns * rows > maxPlaced) return undefined;
  const [sx, sy] = [insert.xScale ?? 1, insert.yScale ?? 1];
  const angle = ((insert.rotation ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const at = insert.position ?? { x: 0, y: 0 };
  const cells: Placement[] = [];
  for (let column = 0; column < columns; column++)
    for (let row = 0; row < rows; row++) {
      const [dx, dy] = [column * (insert.columnSpacing ?? 0), row * (insert.rowSpacing ?? 0)];
      cells.push(([x, y]) => {
        const [u, v] = [(x - base.x) * sx + dx, (y - base.y) * sy + dy];
        return [at.x + u * cos - v * sin, at.y + u * sin + v * cos];
      });
    }
  return cells;
}

function inheritFromInsert<Entity extends PlaceableEntity>(entity: Entity, insert: Entity): Entity {
  const layer = entity.layer === undefined || entity.layer === "0" ? insert.layer : entity.layer;
  const lineType = entity.lineType?.toLowerCase() === "byblock" ? insert.lineType : entity.lineType;
  return { ...entity, layer, lineType };
}
