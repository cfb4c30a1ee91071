import { createHmac } from 'node:crypto';

/**
 * Each country's Migration Profile device key (decision 186): what seals profile drafts and comments in
 * a device's store, handed at login to the accounts holding a role on the country, as a mission's
 * device key is to its members. Derived from one shared secret of the system database
 * (HMAC-SHA-256 over the country code), so every server process hands the same key and nothing
 * per country needs storing.
 */
export function profileDeviceKeys(secret: Uint8Array): (country: string) => string {
  return (country) =>
    createHmac('sha256', secret).update(`tern-profile-device-key:${country}`).digest('base64');
}
