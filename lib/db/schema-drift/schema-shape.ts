/** The parts of a PostgreSQL schema that Prisma's client relies on, in a form both sides can produce. */
export interface SchemaShape {
  /** Enum name -> values in declared order. */
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

export interface TableShape {
  /** Column name -> type as PostgreSQL's format_type() prints it, nullability and default expression. */
  columns: Record<string, ColumnShape>;
  primaryKey: IndexShape;
  /** Index name -> indexed columns in order. */
  uniqueIndexes: Record<string, string[]>;
  indexes: Record<string, string[]>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface IndexShape {
  name: string;
  columns: string[];
}

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}
