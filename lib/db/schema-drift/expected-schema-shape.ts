import { getDMMF } from "@prisma/get-dmmf";
import type { ColumnShape, ReferentialAction, SchemaShape, TableShape } from "./schema-shape";

type Dmmf = Extract<ReturnType<typeof getDMMF>, { datamodel: unknown }>;
type DmmfModel = Dmmf["datamodel"]["models"][number];
type DmmfField = DmmfModel["fields"][number];

const postgresIdentifierMaxLength = 63;

/**
 * What the database must look like for `schema.prisma`, following Prisma's PostgreSQL conventions:
 * type mapping, constraint names (`Table_pkey`, `Table_col_key`, `Table_col_idx`, `Table_col_fkey`),
 * and referential actions (Restrict on required and SetNull on optional relations unless stated; Cascade on update).
 */
export function expectedSchemaShape(schemaText: string): SchemaShape {
  const dmmf = getDMMF({ datamodel: schemaText });
  if (!("datamodel" in dmmf)) throw new Error(`schema.prisma does not parse: ${dmmf.reason}`);
  const { datamodel } = dmmf;

  const enums: SchemaShape["enums"] = {};
  for (const enumType of datamodel.enums) {
    enums[enumType.dbName ?? enumType.name] = enumType.values.map((value) => value.dbName ?? value.name);
  }

  const tableNameOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnNameOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
    return field.dbName ?? field.name;
  };

  const tables: SchemaShape["tables"] = {};
  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const shape: TableShape = {
      columns: {},
      primaryKey: { name: "", columns: [] },
      uniqueIndexes: {},
      indexes: {},
      foreignKeys: {},
    };
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      shape.columns[field.dbName ?? field.name] = expectedColumn(table, field, datamodel.enums);
    }
    for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      const columns = index.fields.map((field) => columnNameOf(model, field.name));
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      const name =
        index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
      assertIdentifierLength(name);
      if (index.type === "id") shape.primaryKey = { name, columns };
      else if (index.type === "unique") shape.uniqueIndexes[name] = columns;
      else shape.indexes[name] = columns;
    }
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const columns = field.relationFromFields.map((name) => columnNameOf(model, name));
      const targetModel = datamodel.models.find((candidate) => candidate.name === field.type);
      if (!targetModel) throw new Error(`${model.name}.${field.name} points at unknown model ${field.type}`);
      const name = `${table}_${columns.join("_")}_fkey`;
      assertIdentifierLength(name);
      const optional = field.relationFromFields.some(
        (fromName) => !model.fields.find((candidate) => candidate.name === fromName)?.isRequired,
      );
      shape.foreignKeys[name] = {
        columns,
        referencedTable: tableNameOf.get(targetModel.name) ?? targetModel.name,
        referencedColumns: (field.relationToFields ?? []).map((toName) => columnNameOf(targetModel, toName)),
        onDelete: referentialAction(field.relationOnDelete, optional ? "SET NULL" : "RESTRICT"),
        onUpdate: referentialAction((field as { relationOnUpdate?: string }).relationOnUpdate, "CASCADE"),
      };
    }
    tables[table] = shape;
  }
  return { enums, tables };
}

function expectedColumn(table: string, field: DmmfField, enumTypes: Dmmf["datamodel"]["enums"]): ColumnShape {
  const isEnum = field.kind === "enum";
  const enumType = isEnum ? enumTypes.find((candidate) => candidate.name === field.type) : undefined;
  const baseType = isEnum ? quoteIdentifier(enumType?.dbName ?? field.type) : scalarType(field);
  const type = field.isList ? `${baseType}[]` : baseType;
  return {
    type,
    // Lists are NOT NULL here: an empty list is [], never null.
    nullable: !field.isRequired && !field.isList,
    default: expectedDefault(table, field, baseType),
  };
}

function scalarType(field: DmmfField): string {
  const nativeType = field.nativeType as [string, string[]] | null | undefined;
  if (nativeType) {
    const [name, args] = nativeType;
    const nativeTypes: Record<string, (args: string[]) => string> = {
      Char: (a) => `character(${a[0] ?? 1})`,
      VarChar: (a) => (a[0] ? `character varying(${a[0]})` : "character varying"),
      Text: () => "text",
      Uuid: () => "uuid",
      Date: () => "date",
      Timestamptz: (a) => `timestamp(${a[0] ?? 6}) with time zone`,
      Timestamp: (a) => `timestamp(${a[0] ?? 6}) without time zone`,
      Decimal: (a) => `numeric(${a.join(",")})`,
      SmallInt: () => "smallint",
      Real: () => "real",
      JsonB: () => "jsonb",
      Json: () => "json",
    };
    const render = nativeTypes[name];
    if (!render) throw new Error(`No mapping for native type @db.${name} on ${field.name}`);
    return render(args);
  }
  const scalarTypes: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Decimal: "numeric(65,30)",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
    Bytes: "bytea",
  };
  const type = scalarTypes[field.type];
  if (!type) throw new Error(`No mapping for Prisma type ${field.type} on ${field.name}`);
  return type;
}

/** The default as PostgreSQL's pg_get_expr() prints it, or null when Prisma's client fills the value. */
function expectedDefault(table: string, field: DmmfField, baseType: string): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default as unknown;
  if (typeof value === "object" && value !== null && "name" in value) {
    const name = (value as { name: string }).name;
    if (name === "autoincrement") return `nextval('"${table}_${field.dbName ?? field.name}_seq"'::regclass)`;
    if (name === "now") return "CURRENT_TIMESTAMP";
    // Written in schema.prisma as PostgreSQL's pg_get_expr() prints it.
    if (name === "dbgenerated") return String((value as { args?: unknown[] }).args?.[0] ?? "") || null;
    return null; // cuid(), uuid(), nanoid(): generated by the client
  }
  const castType = baseType.startsWith("character(") ? "bpchar" : baseType === "text" ? "text" : baseType;
  if (field.isList) {
    const items = (value as unknown[]).map((item) => literal(item, castType));
    return `ARRAY[${items.join(", ")}]::${baseType}[]`;
  }
  return literal(value, castType, field.kind === "enum" || field.type === "String" || field.type === "Json");
}

function literal(value: unknown, castType: string, quoted = typeof value === "string"): string {
  if (!quoted) return String(value);
  return `'${String(value).replaceAll("'", "''")}'::${castType}`;
}

function referentialAction(action: string | undefined, fallback: ReferentialAction): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  return action ? (actions[action] ?? fallback) : fallback;
}

function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`;
}

function assertIdentifierLength(name: string): void {
  if (name.length > postgresIdentifierMaxLength) {
    throw new Error(
      `${name} is longer than PostgreSQL's ${postgresIdentifierMaxLength} characters: give it a map: name`,
    );
  }
}
