/**
 * Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) and lone
 * surrogates: a target's error message may carry any of them, and one would make the Atom feed or a badge
 * ill-formed.
 */
const notXmlCharacter = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/**
 * Text made safe to place in HTML, SVG or XML, as element content or a quoted attribute value: `& < > " '`
 * become character references and characters XML forbids become U+FFFD. Every string that came from a user or a
 * target goes through here.
 */
export function escapeMarkup(text: string): string {
  return text
    .replace(notXmlCharacter, '\uFFFD')
    .replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
