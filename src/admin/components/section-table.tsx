import { Container, Heading, Table } from "@medusajs/ui"
import { TableMessageRow } from "./table-message-row"

export type SectionColumn = { label: string; align?: "right" }

/**
 * A titled card holding one table: the shape of every section of a detail
 * page. `rows` are `Table.Row`s; `empty` shows instead when there are none.
 */
export const SectionTable = ({
  title,
  columns,
  empty,
  rows,
}: {
  title: string
  columns: SectionColumn[]
  empty: string
  rows: React.ReactNode[] | undefined
}) => (
  <Container className="divide-y p-0">
    <Heading level="h2" className="px-6 py-4">
      {title}
    </Heading>
    <Table>
      <Table.Header>
        <Table.Row>
          {columns.map((column) => (
            <Table.HeaderCell key={column.label} className={column.align === "right" ? "text-right" : undefined}>
              {column.label}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows?.length ? rows : <TableMessageRow colSpan={columns.length}>{empty}</TableMessageRow>}
      </Table.Body>
    </Table>
  </Container>
)
