// undici's Client class, imported alone: its package index also pulls in fetch, WebSocket, caches and
// mocks, which the engine does not use and which would triple the probe function's bundle.
declare module 'undici/lib/dispatcher/client.js' {
  import type { Client } from 'undici';

  const ClientClass: typeof Client;
  export default ClientClass;
}
