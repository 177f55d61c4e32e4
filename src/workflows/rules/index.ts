export * from "./workflows/commission-rules"
