import { describe, expect, it } from 'vitest';
import {
  createLocalSecretResolver,
  secretEnvVarName,
} from '../../../functions/adapters/secrets/local-secret-resolver';

describe('secretEnvVarName', () => {
  it('upper-cases the reference and turns separators into underscores', () => {
    expect(secretEnvVarName('/lookout/orders-token')).toBe('LOOKOUT_SECRET_LOOKOUT_ORDERS_TOKEN');
  });

  it('collapses runs of other characters into one underscore and trims them at both ends', () => {
    expect(secretEnvVarName('//prod..db//pass-word--')).toBe('LOOKOUT_SECRET_PROD_DB_PASS_WORD');
  });

  it('keeps digits and maps a Secrets Manager reference the same way', () => {
    expect(secretEnvVarName('secretsmanager:prod/api-key-2')).toBe(
      'LOOKOUT_SECRET_SECRETSMANAGER_PROD_API_KEY_2',
    );
  });
});

describe('createLocalSecretResolver', () => {
  it('reads the value from the mapped environment variable', async () => {
    const resolveSecret = createLocalSecretResolver({ LOOKOUT_SECRET_LOOKOUT_ORDERS_TOKEN: 'tok-123' });
    await expect(resolveSecret({ kind: 'secret', ref: '/lookout/orders-token' })).resolves.toBe('tok-123');
  });

  it('rejects a missing or empty variable, naming the variable', async () => {
    const resolveSecret = createLocalSecretResolver({ LOOKOUT_SECRET_EMPTY: '' });
    await expect(resolveSecret({ kind: 'secret', ref: '/missing' })).rejects.toThrow(
      'LOOKOUT_SECRET_MISSING',
    );
    await expect(resolveSecret({ kind: 'secret', ref: 'empty' })).rejects.toThrow('LOOKOUT_SECRET_EMPTY');
    await expect(resolveSecret({ kind: 'secret', ref: '/missing' })).rejects.toMatchObject({
      code: 'LOOKOUT_SECRET_NOT_RESOLVED',
      ref: '/missing',
    });
  });
});
