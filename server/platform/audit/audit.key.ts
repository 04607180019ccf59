import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type AuditConfig, ConfigError, ZAuditKey, loadConfig } from '../config.js';

/** What the audit chain needs from outside the database: its HMAC key and, optionally, its external anchor. */
export interface AuditSecrets {
  /** HMAC-SM3 key of the chain (never stored in the database nor in a backup). */
  key: Buffer;
  /** Signed checkpoints of the chain head (audit.anchor.ts); undefined = this process anchors nothing. */
  anchorFile?: string;
}

let current: AuditSecrets | undefined;

/** Sets the secrets of this process (server start-up, command-line tools). */
export function setAuditSecrets(secrets: AuditSecrets): void {
  current = secrets;
}

/** The secrets set at start-up; otherwise the key the configuration names, without an anchor (tests, tools). */
export function auditSecrets(): AuditSecrets {
  current ??= { key: loadAuditKey(loadConfig().audit, { create: true }) };
  return current;
}

/** Key and anchor of a configuration, as the server uses them; `create` makes the default key file on first start. */
export function loadAuditSecrets(config: AuditConfig, opts: { create: boolean }): AuditSecrets {
  return { key: loadAuditKey(config, opts), anchorFile: config.anchorFile };
}

/**
 * The key from ZELIAN_AUDIT_KEY, else from the key file. Only the default key file is generated when missing
 * (first start of a development or demo installation); a key file named in the configuration must exist.
 */
export function loadAuditKey(config: AuditConfig, { create }: { create: boolean }): Buffer {
  if (config.key) return Buffer.from(config.key, 'hex');
  if (!fs.existsSync(config.keyFile)) {
    if (!create || !config.keyFileIsDefault) {
      throw new ConfigError(
        `审计密钥文件不存在：${config.keyFile}（请设置 ZELIAN_AUDIT_KEY 或 ZELIAN_AUDIT_KEY_FILE）\n` +
          `Audit key file not found: ${config.keyFile} (set ZELIAN_AUDIT_KEY or ZELIAN_AUDIT_KEY_FILE)`,
      );
    }
    generateKeyFile(config.keyFile);
  }
  const parsed = ZAuditKey.safeParse(fs.readFileSync(config.keyFile, 'utf8').trim());
  if (!parsed.success) {
    throw new ConfigError(`审计密钥文件 ${config.keyFile}：${parsed.error.issues[0].message}`);
  }
  return Buffer.from(parsed.data, 'hex');
}

/** A new random key, readable by its owner only; two processes starting at once end up with the same file. */
function generateKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** HMAC-SM3 of `parts` under `key`, hex. */
export function hmacSm3(key: Buffer, ...parts: string[]): string {
  const mac = crypto.createHmac('sm3', key);
  for (const part of parts) mac.update(part);
  return mac.digest('hex');
}
