// The partner portal's build: a static single-page app written into
// .medusa/server/portal/, which the plugin serves under `portal.path`
// (src/api/portal/). Relative asset URLs (`base: "./"`) plus the `<base href>`
// the server injects let one build work under any mount path.
import react from "@vitejs/plugin-react"
import autoprefixer from "autoprefixer"
import path from "node:path"
import { fileURLToPath } from "node:url"
import tailwindcss from "tailwindcss"
import { defineConfig } from "vite"

const here = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: here,
  base: "./",
  plugins: [react()],
  css: {
    postcss: { plugins: [tailwindcss({ config: path.join(here, "tailwind.config.cjs") }), autoprefixer()] },
  },
  build: {
    outDir: path.resolve(here, "../.medusa/server/portal"),
    emptyOutDir: true,
    assetsDir: "assets",
    // No source maps in the package: smaller, and nothing to leak.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 9131 },
})
