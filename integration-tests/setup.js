// Each test file boots its own Medusa app; entity metadata left by the previous
// file would otherwise leak into MikroORM's global storage.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
