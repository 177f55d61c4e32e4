import { Container, Table } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Column<T> = { key: string; header: ReactNode; cell: (row: T) => ReactNode; align?: "right" }

/** A table that scrolls sideways on a phone rather than squeezing its columns. */
export function DataTable<T>({ columns, rows, rowKey, footer, testId }: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; footer?: ReactNode; testId?: string }) {
  return (
    <Container className="overflow-hidden p-0">
      <div className="overflow-x-auto">
        <Table data-testid={testId}>
          <Table.Header>
            <Table.Row>
              {columns.map((column) => (
                <Table.HeaderCell key={column.key} className={column.align === "right" ? "whitespace-nowrap text-right" : "whitespace-nowrap"}>
                  {column.header}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Cell key={column.key} className={column.align === "right" ? "whitespace-nowrap text-right" : "whitespace-nowrap"}>
                    {column.cell(row)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {footer}
    </Container>
  )
}
