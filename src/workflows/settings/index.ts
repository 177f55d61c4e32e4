export * from "./update-program-settings"
