/** The non-empty lines of the questions box. */
export const questionsOf = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((q) => q.trim())
    .filter(Boolean);
