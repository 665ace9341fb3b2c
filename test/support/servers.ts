/** Loopback servers for probe tests: HTTP(S) with scripted answers, raw TCP, and a closed port. */
export { closedPort } from './closed-port';
export { ConnectionTracker } from './connection-tracker';
export {
  type HttpTestServer,
  type HttpTestServerOptions,
  type ReceivedRequest,
  type ResponsePlanner,
  startHttpServer,
} from './http-test-server';
export type { ResponsePlan } from './response-plan';
export { startTcpServer, type TcpBehaviour, type TcpTestServer } from './tcp-test-server';
