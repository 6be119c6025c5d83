/**
 * The names of the form fields the pages post, as agreed with the endpoints in
 * `src/page-models.ts`.
 */
export const PAGE_FIELDS = {
  /** Hidden: the interaction id of a browser login. */
  interaction: 'interaction',
  /** Radio: the chosen persona id. */
  persona: 'persona',
  /** Submit button value: `approve` or `deny` (a "cancel" on the picker posts `deny`). */
  decision: 'decision',
  /** Repeated: each attribute the citizen agrees to share (required ones as hidden fields). */
  attributes: 'attributes',
  /** Text: the user code of a device login. */
  userCode: 'user_code',
} as const;
