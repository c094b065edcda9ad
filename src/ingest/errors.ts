/** A problem with one input document: reported by name, and the rest of the batch goes on. */
export class InputError extends Error {}
