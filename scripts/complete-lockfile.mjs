// `node scripts/complete-lockfile.mjs`, after any `npm install` that changed
// package-lock.json.
//
// The registry this project installs from serves only some platforms' builds
// of packages such as @swc/core and rollup. npm leaves the others out of the
// lockfile, and `npm ci` then refuses the lockfile as out of sync. This adds an
// entry, with its os / cpu / libc, for every platform package a locked package
// lists as optional but the lockfile lacks. npm never downloads an entry for
// another platform, so the entries only have to describe it.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const lockPath = path.join(root, "package-lock.json")
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"))

const OSES = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony"]
const CPUS = ["x64", "arm64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "ppc", "s390", "mips"]

/** os / cpu / libc from a name like `@rollup/rollup-linux-arm64-musl`, or null. */
function platformOf(name) {
  const parts = name.split("/").pop().split("-")
  const osIndex = parts.findIndex((part) => OSES.includes(part))
  const cpu = parts.slice(osIndex + 1).find((part) => CPUS.includes(part))
  if (osIndex < 0 || !cpu) return null
  const rest = parts.slice(osIndex + 1).join("-")
  const libc = parts[osIndex] !== "linux" ? null : /musl/.test(rest) ? "musl" : /gnu/.test(rest) ? "glibc" : null
  return { os: parts[osIndex], cpu, libc }
}

let added = 0
for (const [location, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const platform = platformOf(name)
    // Where npm would look for it: beside the parent, or hoisted to the top.
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`
    if (!platform || lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue
    lock.packages[`node_modules/${name}`] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      os: [platform.os],
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
    }
    added++
  }
}

const [rootEntry, ...rest] = Object.entries(lock.packages)
lock.packages = Object.fromEntries([rootEntry, ...rest.sort(([a], [b]) => a.localeCompare(b))])
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n")
console.log(`package-lock.json: added ${added} entries for other platforms' optional packages`)
