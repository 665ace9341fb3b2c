import { describe, expect, it } from 'vitest';
import { createPalette, shouldUseColor } from '../../functions/cli/terminal-colors';

describe('shouldUseColor', () => {
  it('colours a terminal and not a pipe', () => {
    expect(shouldUseColor(true, {})).toBe(true);
    expect(shouldUseColor(false, {})).toBe(false);
  });

  it('turns colours off for a non-empty NO_COLOR, even when FORCE_COLOR is set', () => {
    expect(shouldUseColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(true, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  it('ignores an empty NO_COLOR', () => {
    expect(shouldUseColor(true, { NO_COLOR: '' })).toBe(true);
  });

  it('follows FORCE_COLOR on a pipe and off a terminal', () => {
    expect(shouldUseColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(true, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('does not colour a dumb terminal', () => {
    expect(shouldUseColor(true, { TERM: 'dumb' })).toBe(false);
  });
});

describe('createPalette', () => {
  it('wraps text in ANSI escapes only when enabled', () => {
    expect(createPalette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createPalette(false).red('x')).toBe('x');
  });
});
