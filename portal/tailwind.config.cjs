const path = require("node:path")

// The same design tokens as Medusa's admin; @medusajs/ui's compiled components
// are scanned too, or their classes would be purged.
const uiDist = path.join(path.dirname(require.resolve("@medusajs/ui")), "**/*.{js,mjs}")

/** @type {import('tailwindcss').Config} */
module.exports = {
  presets: [require("@medusajs/ui-preset")],
  darkMode: "class",
  content: [path.join(__dirname, "index.html"), path.join(__dirname, "src/**/*.{ts,tsx}"), uiDist],
}
