import { describe, expect, it } from 'vitest';
import { createAwsSecretResolver } from '../../../functions/adapters/secrets/aws-secret-resolver';
import {
  createSecretsManagerClient,
  createSsmClient,
} from '../../../functions/adapters/secrets/secret-clients';
import { SecretNotResolvedError } from '../../../functions/adapters/secrets/secret-not-resolved-error';
import { secret } from '../../../functions/core/declare/secret';
import { closeAfterEach } from '../../support/close-after-each';
import { fakeCredentials, fastRetry } from '../../support/fast-retry';
import { startSecretsManagerEndpoint } from '../../support/secrets-manager-endpoint';
import { startSsmEndpoint } from '../../support/ssm-endpoint';

const track = closeAfterEach();
const ordersToken = 'ssm-value-7f3a9c';
const stripeKey = 'sm-value-c0ffee';
const allValues = [ordersToken, stripeKey, '{"password":"sm-json-value-42"}'];

async function setUp(options: { cacheTtlMs?: number } = {}) {
  const ssm = await track(startSsmEndpoint({ '/lookout/orders-token': ordersToken }));
  const secretsManager = await track(
    startSecretsManagerEndpoint({
      'prod/stripe-key': { string: stripeKey },
      'prod/db': { string: allValues[2] ?? '' },
      'prod/binary': { binary: new Uint8Array([1, 2, 3]) },
    }),
  );
  const ssmClient = createSsmClient({ region: 'us-east-1', endpoint: ssm.url, credentials: fakeCredentials });
  const smClient = createSecretsManagerClient({
    region: 'us-east-1',
    endpoint: secretsManager.url,
    credentials: fakeCredentials,
  });
  await track(
    Promise.resolve({
      close: async () => {
        ssmClient.destroy();
        smClient.destroy();
      },
    }),
  );
  const clock = { nowMs: 1_000_000 };
  const resolve = createAwsSecretResolver({
    ssm: ssmClient,
    secretsManager: smClient,
    now: () => clock.nowMs,
    retry: fastRetry(3),
    ...options,
  });
  return { ssm, secretsManager, resolve, clock };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a rejection with an Error');
  return error;
}

describe('createAwsSecretResolver', () => {
  it('reads a /path reference from SSM with decryption', async () => {
    const { ssm, resolve } = await setUp();
    await expect(resolve(secret('/lookout/orders-token'))).resolves.toBe(ordersToken);
    expect(ssm.calls).toEqual([
      { operation: 'GetParameter', input: { Name: '/lookout/orders-token', WithDecryption: true } },
    ]);
  });

  it('reads a secretsmanager: reference from Secrets Manager', async () => {
    const { secretsManager, resolve } = await setUp();
    await expect(resolve(secret('secretsmanager:prod/stripe-key'))).resolves.toBe(stripeKey);
    expect(secretsManager.calls).toEqual([
      { operation: 'GetSecretValue', input: { SecretId: 'prod/stripe-key' } },
    ]);
  });

  it('answers from its cache until the TTL passes, sharing one request between concurrent reads', async () => {
    const { ssm, secretsManager, resolve, clock } = await setUp({ cacheTtlMs: 60_000 });
    const [first, second] = await Promise.all([
      resolve(secret('/lookout/orders-token')),
      resolve(secret('/lookout/orders-token')),
    ]);
    expect([first, second]).toEqual([ordersToken, ordersToken]);
    await resolve(secret('secretsmanager:prod/stripe-key'));
    clock.nowMs += 59_999;
    await expect(resolve(secret('/lookout/orders-token'))).resolves.toBe(ordersToken);
    await expect(resolve(secret('secretsmanager:prod/stripe-key'))).resolves.toBe(stripeKey);
    expect(ssm.requests).toHaveLength(1);
    expect(secretsManager.requests).toHaveLength(1);
    clock.nowMs += 1;
    await resolve(secret('/lookout/orders-token'));
    expect(ssm.requests).toHaveLength(2);
  });

  it('retries throttling and 500s', async () => {
    const { ssm, secretsManager, resolve } = await setUp();
    ssm.failNext(1, 'throttling');
    secretsManager.failNext(2, 'server-error');
    await expect(resolve(secret('/lookout/orders-token'))).resolves.toBe(ordersToken);
    await expect(resolve(secret('secretsmanager:prod/stripe-key'))).resolves.toBe(stripeKey);
    expect(ssm.requests).toHaveLength(2);
    expect(secretsManager.requests).toHaveLength(3);
  });

  it('names the reference, and no value, when a parameter does not exist; a failure is not cached', async () => {
    const { ssm, resolve } = await setUp();
    const error = await rejection(resolve(secret('/lookout/missing')));
    expect(error).toBeInstanceOf(SecretNotResolvedError);
    expect(error).toMatchObject({ code: 'LOOKOUT_SECRET_NOT_RESOLVED', ref: '/lookout/missing' });
    expect(error.message).toContain("secret '/lookout/missing'");
    expect(error.message).toContain('ParameterNotFound');
    for (const value of allValues) expect(error.message).not.toContain(value);
    await rejection(resolve(secret('/lookout/missing')));
    expect(ssm.requests).toHaveLength(2);
  });

  it('names the reference, and no value, when retries run out or the secret is binary', async () => {
    const { secretsManager, resolve } = await setUp();
    secretsManager.failNext(3, 'server-error');
    const exhausted = await rejection(resolve(secret('secretsmanager:prod/db')));
    expect(exhausted.message).toContain("secret 'secretsmanager:prod/db'");
    expect(secretsManager.requests).toHaveLength(3);
    const binary = await rejection(resolve(secret('secretsmanager:prod/binary')));
    expect(binary.message).toContain("secret 'secretsmanager:prod/binary'");
    expect(binary.message).toContain('no SecretString');
    for (const error of [exhausted, binary]) {
      for (const value of allValues) expect(`${error.message} ${String(error.stack)}`).not.toContain(value);
    }
  });

  it('rejects a reference that is neither an SSM path nor secretsmanager:, without a request', async () => {
    const { ssm, secretsManager, resolve } = await setUp();
    const error = await rejection(resolve(secret('lookout/no-slash')));
    expect(error.message).toContain("secret 'lookout/no-slash'");
    expect(ssm.requests.length + secretsManager.requests.length).toBe(0);
  });
});
