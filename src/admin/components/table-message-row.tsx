import { Table } from "@medusajs/ui"

/**
 * A full-width row for "Loading…" or "Nothing yet" in a table. A plain `td`,
 * because `Table.Cell` doesn't take `colSpan`.
 */
export const TableMessageRow = ({ colSpan, children }: { colSpan: number; children: React.ReactNode }) => (
  <Table.Row>
    <td colSpan={colSpan} className="txt-compact-small h-12 px-6 text-ui-fg-subtle">
      {children}
    </td>
  </Table.Row>
)
