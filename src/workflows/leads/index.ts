export * from "./workflows/record-lead"
