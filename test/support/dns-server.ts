import { createSocket } from 'node:dgram';

/** A question the server was asked. */
export interface DnsQuery {
  name: string;
  /** `'A'`, `'AAAA'`, or the numeric type. */
  type: string;
}

/** A DNS server on 127.0.0.1 (UDP), for resolving through the real DNS protocol without leaving the machine. */
export interface TestDnsServer {
  /** `'127.0.0.1:<port>'`, for `dnsServerResolver`. */
  address: string;
  /** Every question received, in order. */
  queries: DnsQuery[];
  close(): Promise<void>;
}

/** Options of `startDnsServer`. */
export interface DnsServerOptions {
  /** Names (lower case, no trailing dot) and the IPv4 address each resolves to; any other name is NXDOMAIN. */
  records: Record<string, string>;
  /**
   * Wait this long before answering.
   * @default 0
   */
  delayMs?: number;
}

const typeNames: Record<number, string> = { 1: 'A', 28: 'AAAA' };

/**
 * Starts an authoritative DNS server that answers A queries from `records`, AAAA queries for known
 * names with no records, and everything else with NXDOMAIN.
 */
export async function startDnsServer(options: DnsServerOptions): Promise<TestDnsServer> {
  const socket = createSocket('udp4');
  const queries: DnsQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  socket.on('message', (message, peer) => {
    const question = parseQuestion(message);
    if (!question) return;
    queries.push({ name: question.name, type: typeNames[question.type] ?? String(question.type) });
    const reply = buildReply(message, question, options.records);
    const send = () => socket.send(reply, peer.port, peer.address);
    if (!options.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, options.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        socket.close(() => resolve());
      }),
  };
}

interface Question {
  name: string;
  type: number;
  /** Where the question section ends in the query. */
  endOffset: number;
}

function parseQuestion(message: Buffer): Question | undefined {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  while (offset < message.length) {
    const length = message.readUInt8(offset);
    offset += 1;
    if (length === 0) break;
    labels.push(message.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > message.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: message.readUInt16BE(offset), endOffset: offset + 4 };
}

function buildReply(query: Buffer, question: Question, records: Record<string, string>): Buffer {
  const address = records[question.name];
  const known = address !== undefined;
  const answers = known && question.type === 1 ? [ipv4Answer(address)] : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  const recursionDesired = query.readUInt16BE(2) & 0x0100;
  const responseCode = known ? 0 : 3;
  header.writeUInt16BE(0x8000 | 0x0400 | recursionDesired | 0x0080 | responseCode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, question.endOffset), ...answers]);
}

function ipv4Answer(address: string): Buffer {
  const answer = Buffer.alloc(16);
  answer.writeUInt16BE(0xc00c, 0);
  answer.writeUInt16BE(1, 2);
  answer.writeUInt16BE(1, 4);
  answer.writeUInt32BE(60, 6);
  answer.writeUInt16BE(4, 10);
  for (const [index, octet] of address.split('.').entries()) answer.writeUInt8(Number(octet), 12 + index);
  return answer;
}
