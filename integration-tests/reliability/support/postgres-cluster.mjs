// A throwaway embedded PostgreSQL cluster a reliability test can stop under a
// running server: prints one JSON line {"url","port"} when it is up, stops the
// cluster when it reads "stop" on stdin (then prints "stopped"), and stops it
// on exit too. Usage: node postgres-cluster.mjs <dataDir> <database>
import readline from "node:readline"
import { startEmbeddedPostgres } from "../../../scripts/embedded-postgres.mjs"

const [dataDir, database] = process.argv.slice(2)
const cluster = await startEmbeddedPostgres({ dataDir, persistent: false, databases: [database], log: () => {} })
process.stdout.write(JSON.stringify({ url: cluster.url(database), port: cluster.port }) + "\n")

const lines = readline.createInterface({ input: process.stdin })
lines.on("line", async (line) => {
  if (line.trim() === "stop") {
    await cluster.stop()
    process.stdout.write("stopped\n")
  }
})
lines.on("close", async () => {
  await cluster.stop()
  process.exit(0)
})
