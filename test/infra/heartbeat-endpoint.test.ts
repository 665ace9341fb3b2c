import { beforeAll, describe, expect, it } from 'vitest';
import { handlerEnvironment } from '../../functions/core/contract/handler-environment';
import { tableActions } from '../../functions/core/contract/table-actions';
import { defaultPingReservedConcurrency, pingMemoryMb } from '../../infra/heartbeat-endpoint';
import { actionsOf, identityStatements } from './iam-statements';
import { heartbeatMonitor, threeRegionMonitor } from './infra-monitors';
import { resourcesOf, type SynthesizedLookout, synthLookout } from './synth-lookout';

let lookout: SynthesizedLookout;
beforeAll(() => {
  lookout = synthLookout({ monitor: heartbeatMonitor() });
});

function home() {
  return lookout.template(lookout.deployment.home);
}

function pingFunction() {
  const functions = resourcesOf(home(), 'AWS::Lambda::Function').filter(
    ([, { Properties }]) => Properties.FunctionName === lookout.deployment.names.pingFunctionName,
  );
  expect(functions).toHaveLength(1);
  return functions[0] as (typeof functions)[number];
}

describe('the heartbeat endpoint (home stack)', () => {
  it('is a ping function with small memory, a short timeout, reserved concurrency and only the table name', () => {
    const [, { Properties }] = pingFunction();
    expect(Properties).toMatchObject({
      FunctionName: 'lookout-ping',
      MemorySize: pingMemoryMb,
      ReservedConcurrentExecutions: defaultPingReservedConcurrency,
      Architectures: ['arm64'],
    });
    expect(Properties.MemorySize).toBeLessThanOrEqual(256);
    expect(Properties.Timeout).toBeLessThanOrEqual(15);
    const variables = (Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).sort()).toEqual([...handlerEnvironment.ping, 'NODE_OPTIONS'].sort());
  });

  it('reserves the concurrency given, or none when told to (accounts whose quota is under 105)', () => {
    const reservedOf = (pingReservedConcurrency: number | false) => {
      const synthesized = synthLookout({ monitor: heartbeatMonitor(), props: { pingReservedConcurrency } });
      const functions = resourcesOf(
        synthesized.template(synthesized.deployment.home),
        'AWS::Lambda::Function',
      ).filter(
        ([, { Properties }]) => Properties.FunctionName === synthesized.deployment.names.pingFunctionName,
      );
      expect(functions).toHaveLength(1);
      return (functions[0] as (typeof functions)[number])[1].Properties.ReservedConcurrentExecutions;
    };
    expect(reservedOf(2)).toBe(2);
    expect(reservedOf(false)).toBeUndefined();
  });

  it('is reached through a Function URL with auth type NONE, no CORS, whose address is the HeartbeatUrl output', () => {
    const [logicalId] = pingFunction();
    const urls = resourcesOf(home(), 'AWS::Lambda::Url');
    expect(urls).toHaveLength(1);
    const [urlId, { Properties }] = urls[0] as (typeof urls)[number];
    expect(Properties).toMatchObject({
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [logicalId, 'Arn'] },
    });
    expect(Properties.Cors).toBeUndefined();
    const outputs = home().findOutputs('HeartbeatUrl');
    expect(Object.values(outputs)).toEqual([
      expect.objectContaining({ Value: { 'Fn::GetAtt': [urlId, 'FunctionUrl'] } }),
    ]);
    const invokers = resourcesOf(home(), 'AWS::Lambda::Permission').filter(
      ([, resource]) =>
        (resource.Properties.FunctionName as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt']?.[0] === logicalId,
    );
    // Anyone may call the URL (the token authenticates), and invoke the function only through it.
    expect(
      invokers
        .map(([, resource]) => resource.Properties)
        .sort((a, b) => String(a.Action).localeCompare(String(b.Action))),
    ).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Principal: '*',
        InvokedViaFunctionUrl: true,
      }),
      expect.objectContaining({
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        FunctionUrlAuthType: 'NONE',
      }),
    ]);
  });

  it('has a role with exactly its table actions and read access to only the heartbeat tokens', () => {
    const statements = identityStatements(home()).filter((entry) =>
      entry.source.includes('HeartbeatPingRole'),
    );
    const tableGrants = statements
      .flatMap((entry) => actionsOf(entry.statement))
      .filter((action) => action.startsWith('dynamodb:'));
    expect(tableGrants.sort()).toEqual([...tableActions.ping].sort());
    const text = JSON.stringify(statements.map((entry) => entry.statement));
    expect(text).toContain('parameter/lookout/heartbeat/backup');
    expect(text).toContain('secret:prod/report-token-??????');
    // The probe checks' secrets are the probe roles', not this one's.
    expect(text).not.toContain('orders-token');
    expect(text).not.toContain('partner-key');
    const actions = statements.flatMap((entry) => actionsOf(entry.statement));
    expect(actions.filter((action) => !action.startsWith('logs:')).sort()).toEqual(
      [...tableActions.ping, 'kms:Decrypt', 'secretsmanager:GetSecretValue', 'ssm:GetParameter'].sort(),
    );
  });

  it('has error, throttle and duration alarms like the other functions', () => {
    const names = resourcesOf(home(), 'AWS::CloudWatch::Alarm').map(
      ([, { Properties }]) => Properties.AlarmName,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'lookout.ping.errors',
        'lookout.ping.throttles',
        'lookout.ping.duration-near-timeout',
      ]),
    );
  });

  it('does not exist without a heartbeat check', () => {
    const plain = synthLookout({ monitor: threeRegionMonitor() });
    const template = plain.template(plain.deployment.home);
    expect(resourcesOf(template, 'AWS::Lambda::Url')).toEqual([]);
    expect(Object.keys(template.findOutputs('HeartbeatUrl'))).toEqual([]);
    const names = resourcesOf(template, 'AWS::Lambda::Function').map(
      ([, { Properties }]) => Properties.FunctionName,
    );
    expect(names).not.toContain(plain.deployment.names.pingFunctionName);
    expect(plain.deployment.home.heartbeatEndpoint).toBeUndefined();
  });
});
