import { z } from "@medusajs/framework/zod"
import { currencyCode, id, idList, listParams, text } from "../../utils/validators"

/** Pays every partner due a payout in a currency (or only `affiliate_ids`), as one batch. */
export const AdminCreatePayoutBatch = z
  .object({
    currency_code: currencyCode(),
    affiliate_ids: idList().min(1, "affiliate_ids: at least one id").optional(),
    provider_id: id().optional(),
    note: text(2000, { multiline: true }).trim().nullish(),
  })
  .strict()
export type AdminCreatePayoutBatchType = z.infer<typeof AdminCreatePayoutBatch>

export const AdminGetPayoutBatchesParams = z
  .object({
    ...listParams({ limit: 20, orderable: ["created_at"] }),
    currency_code: currencyCode().optional(),
  })
  .strict()
