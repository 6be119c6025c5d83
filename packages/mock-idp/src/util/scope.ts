/** Space-delimited lists (scope, acr_values, prompt, ui_locales). */
export function splitList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(' ').filter((v) => v.length > 0);
}
