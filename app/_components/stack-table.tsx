import type { ReactNode } from "react";

export type StackTableColumn = string | { label: string; className: string };

/**
 * A table that scrolls sideways when wide and, on phones, stacks each row into label–value pairs (the
 * `table.stack` styles read each cell's `data-label`). The rows are the children.
 */
export function StackTable({
  columns,
  children,
  className,
}: {
  columns: StackTableColumn[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `stack ${className}` : "stack"}>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={column.className}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
