import DxfParser from "dxf-parser";

/** What a dxf-parser entity handler is: the entity it reads and how (dxf-parser 1.1.2, IGeometry). */
interface EntityHandler {
  ForEntityName: string;
  parseEntity(scanner: GroupScanner, current: { code: number; value: unknown }): Record<string, unknown>;
}
interface GroupScanner {
  next(): { code: number; value: unknown };
}

/**
 * A dxf-parser that keeps a SPLINE's weights. dxf-parser 1.1.2 reads every SPLINE group but code 41, the
 * weight of each control point of a rational spline (AutoCAD DXF reference, SPLINE; ezdxf's "Spline"
 * docs): its own SPLINE handler still reads the entity, and the groups it takes from the scanner are
 * watched for code 41, in order, one per control point. The spline gets `weights` only when it has them.
 * The handler is taken from a parser's handler table (dxf-parser exports no entity classes), pinned with
 * the package's version.
 */
export function dxfParserWithSplineWeights(): DxfParser {
  const parser = new DxfParser();
  const handlers = (parser as unknown as { _entityHandlers?: Record<string, EntityHandler> })._entityHandlers;
  const splineHandler = handlers?.SPLINE;
  if (!splineHandler) return parser;
  class WeightedSpline implements EntityHandler {
    ForEntityName = "SPLINE";
    parseEntity(scanner: GroupScanner, current: { code: number; value: unknown }) {
      const weights: number[] = [];
      const next = scanner.next;
      scanner.next = function watched(this: GroupScanner) {
        const group = next.call(this);
        if (group.code === 41) weights.push(Number(group.value));
        return group;
      };
      try {
        const entity = splineHandler!.parseEntity(scanner, current);
        return weights.length > 0 ? { ...entity, weights } : entity;
      } finally {
        scanner.next = next;
      }
    }
  }
  parser.registerEntityHandler(WeightedSpline as never);
  return parser;
}
