import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type AffiliateModuleService from "./service"

/**
 * What a sub-service function works with: the knex of the facade method's
 * transaction, and the module's generated CRUD bound to the same transaction
 * through `context`. Raw statements run at once; the ORM's writes are flushed
 * at commit, so a function takes its locks with `knex` before it writes.
 */
export type ModuleTx = {
  knex: Knex
  service: AffiliateModuleService
  context: Context
}
