/**
 * What the API shows: names and titles without the characters that could make one pass for
 * another, and a note on the document when something was changed for display.
 */

/**
 * Bidirectional control characters (embeddings, overrides, isolates, marks): inside a name or a
 * title, "\u202Eevil.exe" shows as "exe.live", so a name could pass for another in the app.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A name or title as shown: without bidirectional control characters. */
export function displayText(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/** Fields of API answers that are shown as names or titles (the text itself keeps every character: offsets point into it). */
const DISPLAYED = new Set(['name', 'title', 'speaker_text']);

export function displayReplacer(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'string') return DISPLAYED.has(key) ? displayText(value) : value;
  if (key === 'aliases' && Array.isArray(value)) return value.map((a) => (typeof a === 'string' ? displayText(a) : a));
  return value;
}

/** Notes on what display changed in a document: its title or entity names held bidirectional controls. */
export function displayNotes(doc: { title?: string | null; result?: { entities?: Array<{ name: string }> } }): string[] {
  const notes: string[] = [];
  const has = (s: string | null | undefined) => typeof s === 'string' && s.search(BIDI_CONTROLS) >= 0;
  const names = (doc.result?.entities ?? []).filter((e) => has(e.name)).length;
  if (has(doc.title) || names) {
    const what = [has(doc.title) ? 'the title' : '', names ? `${names} entity name${names > 1 ? 's' : ''}` : ''].filter(Boolean).join(' and ');
    notes.push(`bidirectional control characters (such as U+202E, which reverses the text after it) were removed from ${what} for display; the document text keeps them`);
  }
  return notes;
}
