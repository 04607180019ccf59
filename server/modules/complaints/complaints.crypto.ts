import crypto from 'node:crypto';
import type { Sm4Key } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';

/**
 * SM4 at rest for the complaints' sensitive fields (SPEC M13): SM4-CTR with a random 16-byte IV, then an
 * HMAC-SM3 over key id, IV and ciphertext (encrypt-then-MAC; Node has no SM4-GCM). Layout of a sealed value:
 * `iv (16) ‖ ciphertext ‖ mac (32)`. The key id is stored on the row, so keys can be rotated: the first key
 * of the ring encrypts, every key of the ring decrypts (docs/decisions, "complaints encryption").
 */
let ring: Sm4Key[] = [];

/** Installs the key ring (start-up, from config; tests). The first key encrypts new rows. */
export function setComplaintKeys(keys: Sm4Key[]) {
  ring = keys.map((k) => {
    if (k.key.length !== 32) throw new Error(`SM4 key ${k.id} must be 32 bytes`);
    return { id: k.id, key: Buffer.from(k.key) };
  });
}

/** The id of the key that encrypts new rows, or null when none is configured. */
export const currentKeyId = (): string | null => ring[0]?.id ?? null;

const parts = (k: Sm4Key) => ({ enc: k.key.subarray(0, 16), mac: k.key.subarray(16, 32) });
const macOf = (macKey: Buffer, keyId: string, iv: Buffer, ct: Buffer) =>
  crypto.createHmac('sm3', macKey).update(keyId).update(iv).update(ct).digest();

/** Encrypts `plain` with the current key; `null` when no key is configured (callers decide what that means). */
export function seal(plain: Buffer): { keyId: string; sealed: Buffer } | null {
  const k = ring[0];
  if (!k) return null;
  const { enc, mac } = parts(k);
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-ctr', enc, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { keyId: k.id, sealed: Buffer.concat([iv, ct, macOf(mac, k.id, iv, ct)]) };
}

/** Decrypts a sealed value; a missing key or a MAC that does not match answers a 500 that names no secret. */
export function open(keyId: string, sealed: Buffer): Buffer {
  const k = ring.find((r) => r.id === keyId);
  if (!k) throw new AppError(500, 'SM4_KEY_MISSING', `加密密钥“${keyId}”未配置，无法解密信访举报内容`);
  const { enc, mac } = parts(k);
  const iv = sealed.subarray(0, 16);
  const ct = sealed.subarray(16, sealed.length - 32);
  const tag = sealed.subarray(sealed.length - 32);
  if (sealed.length < 48 || !crypto.timingSafeEqual(tag, macOf(mac, keyId, iv, ct))) {
    throw new AppError(500, 'SM4_MAC_FAILED', '信访举报密文校验失败（数据可能被篡改）');
  }
  const decipher = crypto.createDecipheriv('sm4-ctr', enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

/** Seals a JSON value; without a key the JSON is kept as it is (keyId null). */
export function sealJson(value: unknown): { keyId: string | null; sealed: Buffer } {
  const plain = Buffer.from(JSON.stringify(value), 'utf8');
  return seal(plain) ?? { keyId: null, sealed: plain };
}

export function openJson<T>(keyId: string | null, sealed: Buffer): T {
  return JSON.parse((keyId ? open(keyId, sealed) : sealed).toString('utf8')) as T;
}

/** Seals with a given key id's ring entry only when `keyId` is the current one (re-encryption on rotation). */
export function needsRotation(keyId: string | null): boolean {
  return ring.length > 0 && keyId !== ring[0]?.id;
}
