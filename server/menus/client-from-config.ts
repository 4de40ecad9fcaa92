import type { Config } from '../../config/index.js';
import { ToastMenusClient } from './toast-client.js';

/** True when TOAST_API_URL, TOAST_CLIENT_ID and TOAST_CLIENT_SECRET are all set. */
export const toastApiConfigured = (config: Config): boolean =>
  Boolean(config.toastApi.url && config.toastApi.clientId && config.toastApi.clientSecret);

/** The menus client for the configured Toast API (throws ToastApiError NOT_CONFIGURED otherwise). */
export function menusClientFromConfig(config: Config): ToastMenusClient {
  const { url, clientId, clientSecret, timeoutMs } = config.toastApi;
  return new ToastMenusClient({ url, clientId, clientSecret, timeoutMs });
}
