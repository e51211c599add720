import { isDeepStrictEqual } from "node:util";
import type { SchemaShape } from "./schema-shape";

/**
 * Every difference between what schema.prisma expects and what the database has, one readable line each.
 * An empty list means the two agree on every table, column, type, nullability, default, index and foreign key.
 */
export function compareSchemaShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences: string[] = [];
  const describe = (value: unknown) => JSON.stringify(value);

  compareKeys("enum", expected.enums, actual.enums, differences, (name, want, have) => {
    if (!isDeepStrictEqual(want, have)) {
      differences.push(`enum ${name}: schema.prisma has ${describe(want)}, database has ${describe(have)}`);
    }
  });

  compareKeys("table", expected.tables, actual.tables, differences, (tableName, want, have) => {
    compareKeys(
      `column of ${tableName}`,
      want.columns,
      have.columns,
      differences,
      (column, wantColumn, haveColumn) => {
        for (const property of ["type", "nullable", "default"] as const) {
          if (wantColumn[property] !== haveColumn[property]) {
            differences.push(
              `${tableName}.${column} ${property}: schema.prisma expects ${describe(wantColumn[property])}, ` +
                `database has ${describe(haveColumn[property])}`,
            );
          }
        }
      },
    );
    if (!isDeepStrictEqual(want.primaryKey, have.primaryKey)) {
      differences.push(
        `${tableName} primary key: schema.prisma expects ${describe(want.primaryKey)}, database has ${describe(have.primaryKey)}`,
      );
    }
    const compareItems =
      (label: string) =>
      (name: string, wantItem: unknown, haveItem: unknown): void => {
        if (!isDeepStrictEqual(wantItem, haveItem)) {
          differences.push(
            `${label} ${name}: schema.prisma expects ${describe(wantItem)}, database has ${describe(haveItem)}`,
          );
        }
      };
    compareKeys(
      `unique index on ${tableName}`,
      want.uniqueIndexes,
      have.uniqueIndexes,
      differences,
      compareItems("unique index"),
    );
    compareKeys(`index on ${tableName}`, want.indexes, have.indexes, differences, compareItems("index"));
    compareKeys(
      `foreign key on ${tableName}`,
      want.foreignKeys,
      have.foreignKeys,
      differences,
      compareItems("foreign key"),
    );
  });
  return differences;
}

function compareKeys<T>(
  label: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  differences: string[],
  compareBoth: (name: string, expected: T, actual: T) => void,
): void {
  for (const name of Object.keys(expected).sort()) {
    const have = actual[name];
    if (have === undefined) differences.push(`${label} ${name} is in schema.prisma but not in the database`);
    else compareBoth(name, expected[name] as T, have);
  }
  for (const name of Object.keys(actual).sort()) {
    if (!(name in expected)) differences.push(`${label} ${name} is in the database but not in schema.prisma`);
  }
}
