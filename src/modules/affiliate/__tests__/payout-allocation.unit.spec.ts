import { MathBN } from "@medusajs/framework/utils"
import { allocatePayout } from "../utils/payout-allocation"

const lines = (...amounts: number[]) => amounts.map((amount, i) => ({ id: `l${i + 1}`, amount }))

describe("allocatePayout", () => {
  it.each([
    {
      name: "the whole balance settles every line",
      lines: lines(10, 20, 30),
      amount: 60,
      settled: ["l1", "l2", "l3"],
      carried: 0,
    },
    {
      name: "a smaller amount settles the oldest lines that fit and carries the rest",
      lines: lines(10, 20, 30),
      amount: 45,
      settled: ["l1", "l2"],
      carried: 15,
    },
    {
      name: "clawbacks are settled first, wherever they are",
      lines: lines(50, 30, -20),
      amount: 60,
      settled: ["l3", "l1", "l2"],
      carried: 0,
    },
    {
      name: "paying more than the balance settles everything and carries the excess",
      lines: lines(10, 20),
      amount: 50,
      settled: ["l1", "l2"],
      carried: 20,
    },
    {
      name: "an amount below the oldest line settles nothing and carries it all",
      lines: lines(40, 5),
      amount: 10,
      settled: [],
      carried: 10,
    },
  ])("$name", ({ lines, amount, settled, carried }) => {
    const allocation = allocatePayout(lines, amount)
    expect(allocation.settled).toEqual(settled)
    expect(allocation.carried.toNumber()).toBe(carried)
  })

  it("keeps the books: settled lines plus the carry equal the amount", () => {
    const open = lines(12.34, 0.01, 99.99, -5.5)
    const allocation = allocatePayout(open, 100)
    const settledSum = MathBN.sum(
      ...open.filter((line) => allocation.settled.includes(line.id)).map((line) => line.amount)
    )
    expect(MathBN.add(settledSum, allocation.carried).toNumber()).toBe(100)
  })
})
