/** A column of figures: its heading is aligned as its cells are (class "num", styles.css). */
export interface NumericColumn {
  numeric: string;
}

/**
 * A table's heading row, one `th scope="col"` per column: a screen reader names each cell by it.
 * A column is its label, or `{ numeric: label }` for one of figures.
 */
export function ColumnHeads({ columns }: { columns: readonly (string | NumericColumn)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === "string" ? (
            <th scope="col" key={column}>
              {column}
            </th>
          ) : (
            <th scope="col" class="num" key={column.numeric}>
              {column.numeric}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
