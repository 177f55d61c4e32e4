import { createHash } from "node:crypto"
import type { CryptoNetwork } from "./types"

/**
 * Whether a wallet address can belong to a network: its alphabet and length,
 * and the checksum where the format has one we can check without a
 * network-specific hash (Base58Check for Bitcoin's legacy and Tron addresses,
 * Bech32/Bech32m for Bitcoin's SegWit ones). An EVM address (Ethereum, BSC,
 * Polygon) is checked for shape only: its mixed-case checksum (EIP-55) needs
 * Keccak, which Node doesn't ship. It catches typos and pasted junk; it can't
 * tell that a well-formed address belongs to the partner.
 */
export function isPlausibleWalletAddress(network: CryptoNetwork, address: string): boolean {
  switch (network) {
    case "bitcoin":
      return /^bc1/i.test(address) ? isBech32Segwit(address, "bc") : isBase58Check(address, [0x00, 0x05], 25)
    case "tron":
      return /^T/.test(address) && isBase58Check(address, [0x41], 25)
    case "ethereum":
    case "bsc":
    case "polygon":
      return /^0x[0-9a-fA-F]{40}$/.test(address)
    case "solana": {
      // A Solana address is a 32-byte public key in Base58, no checksum.
      const bytes = base58Decode(address)
      return bytes !== null && bytes.length === 32
    }
    default:
      return false
  }
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

/** Base58 to bytes, or null for a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  if (!text || text.length > 128) return null
  let value = 0n
  for (const char of text) {
    const digit = BASE58.indexOf(char)
    if (digit < 0) return null
    value = value * 58n + BigInt(digit)
  }
  const bytes: number[] = []
  while (value > 0n) {
    bytes.unshift(Number(value % 256n))
    value /= 256n
  }
  // Each leading "1" is a leading zero byte.
  for (const char of text) {
    if (char !== "1") break
    bytes.unshift(0)
  }
  return Uint8Array.from(bytes)
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest()

/** Base58Check: a version byte from `versions`, `length` bytes in all, and a double-SHA-256 checksum. */
function isBase58Check(address: string, versions: number[], length: number): boolean {
  const bytes = base58Decode(address)
  if (!bytes || bytes.length !== length || !versions.includes(bytes[0])) return false
  const payload = bytes.subarray(0, length - 4)
  const checksum = sha256(sha256(payload)).subarray(0, 4)
  return checksum.every((byte, i) => byte === bytes[length - 4 + i])
}

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
const BECH32_CONST = 1
const BECH32M_CONST = 0x2bc830a3

function polymod(values: number[]): number {
  const generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
  let chk = 1
  for (const value of values) {
    const top = chk >>> 25
    chk = ((chk & 0x1ffffff) << 5) ^ value
    for (let i = 0; i < 5; i++) {
      if ((top >>> i) & 1) chk ^= generator[i]
    }
  }
  return chk >>> 0
}

/**
 * A SegWit address (BIP 173/350): one case, human-readable part `hrp`, a
 * valid checksum (Bech32 for witness version 0, Bech32m for 1 and up).
 */
function isBech32Segwit(address: string, hrp: string): boolean {
  if (address.length > 90 || (address !== address.toLowerCase() && address !== address.toUpperCase())) return false
  const lower = address.toLowerCase()
  const separator = lower.lastIndexOf("1")
  if (lower.slice(0, separator) !== hrp || lower.length - separator - 1 < 7) return false
  const data: number[] = []
  for (const char of lower.slice(separator + 1)) {
    const value = BECH32.indexOf(char)
    if (value < 0) return false
    data.push(value)
  }
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5).concat([0], [...hrp].map((c) => c.charCodeAt(0) & 31))
  const check = polymod(expanded.concat(data))
  const version = data[0]
  if (version > 16) return false
  if (check !== (version === 0 ? BECH32_CONST : BECH32M_CONST)) return false
  // The witness program: 2 to 40 bytes; 20 or 32 for version 0.
  const programBits = (data.length - 1 - 6) * 5
  const programBytes = Math.floor(programBits / 8)
  if (programBytes < 2 || programBytes > 40) return false
  return version !== 0 || programBytes === 20 || programBytes === 32
}
