import { AffiliateStatus } from "../types"
import { allowedStatusActions, nextAffiliateStatus } from "../utils/status-transitions"

const affiliate = (status: AffiliateStatus) => ({ id: "aff_1", status })

describe("nextAffiliateStatus", () => {
  it.each([
    [AffiliateStatus.PENDING, "approve", AffiliateStatus.ACTIVE],
    [AffiliateStatus.SUSPENDED, "approve", AffiliateStatus.ACTIVE],
    [AffiliateStatus.PENDING, "reject", AffiliateStatus.REJECTED],
    [AffiliateStatus.ACTIVE, "suspend", AffiliateStatus.SUSPENDED],
    [AffiliateStatus.ACTIVE, "deactivate", AffiliateStatus.DEACTIVATED],
  ] as const)("%s --%s--> %s", (from, action, to) => {
    expect(nextAffiliateStatus(affiliate(from), action)).toBe(to)
  })

  it.each([
    [AffiliateStatus.ACTIVE, "approve"],
    [AffiliateStatus.ACTIVE, "reject"],
    [AffiliateStatus.PENDING, "suspend"],
    [AffiliateStatus.DEACTIVATED, "deactivate"],
  ] as const)("refuses to %2$s an affiliate that is %1$s", (from, action) => {
    expect(() => nextAffiliateStatus(affiliate(from), action)).toThrow(
      `Cannot ${action} affiliate aff_1: its status is ${from}`
    )
  })
})

describe("allowedStatusActions", () => {
  it.each([
    [AffiliateStatus.PENDING, ["approve", "reject", "deactivate"]],
    [AffiliateStatus.ACTIVE, ["suspend", "deactivate"]],
    [AffiliateStatus.SUSPENDED, ["approve", "deactivate"]],
    [AffiliateStatus.REJECTED, ["approve", "deactivate"]],
    [AffiliateStatus.DEACTIVATED, ["approve"]],
  ] as const)("%s may %j", (status, actions) => {
    expect(allowedStatusActions(status)).toEqual(actions)
  })

  it("offers exactly the actions nextAffiliateStatus accepts", () => {
    for (const status of Object.values(AffiliateStatus)) {
      for (const action of ["approve", "reject", "suspend", "deactivate"] as const) {
        const accepted = (() => {
          try {
            nextAffiliateStatus(affiliate(status), action)
            return true
          } catch {
            return false
          }
        })()
        expect([status, action, allowedStatusActions(status).includes(action)]).toEqual([status, action, accepted])
      }
    }
  })
})
