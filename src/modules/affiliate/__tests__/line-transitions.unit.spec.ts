import { CommissionStatus } from "../types"
import { assertLineTransitions, LINE_TRANSITIONS } from "../utils/line-transitions"

const line = (id: string, status: CommissionStatus) => ({ id, status })

describe("assertLineTransitions", () => {
  it.each([
    ["approve", CommissionStatus.PENDING],
    ["approve", CommissionStatus.ON_HOLD],
    ["reject", CommissionStatus.APPROVED],
    ["hold", CommissionStatus.APPROVED],
    ["release", CommissionStatus.ON_HOLD],
  ] as const)("lets %s start from %s", (action, status) => {
    expect(() => assertLineTransitions([line("a", status)], action)).not.toThrow()
  })

  it("never changes a paid line, and names every line it refuses", () => {
    for (const action of Object.keys(LINE_TRANSITIONS) as (keyof typeof LINE_TRANSITIONS)[]) {
      expect(LINE_TRANSITIONS[action].from).not.toContain(CommissionStatus.PAID)
    }
    expect(() =>
      assertLineTransitions(
        [line("a", CommissionStatus.PENDING), line("b", CommissionStatus.PAID), line("c", CommissionStatus.REJECTED)],
        "approve"
      )
    ).toThrow("Cannot approve b (paid), c (rejected)")
  })
})
