/**
 * Loaded right after office.js, before the demo's own bundle. office.js outside Office schedules a
 * hidden telemetry frame (OSF.Logger's ULS endpoint, created when o15apptofilemappingtable.js
 * arrives and loaded 3 s later) pointing at a Microsoft server. The demo promises no network, so
 * the frame is switched off as soon as the endpoint exists — long before its 3 s timer, however
 * slowly the demo's bundle starts. The page's Content-Security-Policy refuses the frame as well.
 */
type Endpoint = { loadProxyFrame?: () => void; proxyFrame?: unknown };
const osf = () => (globalThis as { OSF?: { Logger?: { ulsEndpoint?: Endpoint | null } } }).OSF;

function silence(): boolean {
  const endpoint = osf()?.Logger?.ulsEndpoint;
  if (!endpoint) return false;
  endpoint.loadProxyFrame = () => undefined;
  return true;
}

if (!silence()) {
  const started = Date.now();
  const timer = setInterval(() => {
    if (silence() || Date.now() - started > 15_000) clearInterval(timer);
  }, 25);
}

export {};
