import { Table } from "@medusajs/ui"

/** A list's pager: `page` counts from 0, `onPage` gets the page to show. */
export const Pager = ({
  count,
  pageSize,
  page,
  onPage,
}: {
  count: number
  pageSize: number
  page: number
  onPage: (page: number) => void
}) => {
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={pageCount}
      canPreviousPage={page > 0}
      canNextPage={page + 1 < pageCount}
      previousPage={() => onPage(Math.max(0, page - 1))}
      nextPage={() => onPage(page + 1)}
    />
  )
}
