/** Configuration problems as one line each, naming the field: `source: field.path: message`. */
import type { z } from 'zod';

/** `clients[0].jwks` style path of an issue. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** One line per problem: `file: field.path: message`. */
export function describeConfigIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
          : issue.message;
      return `${file}: ${formatPath(issue.path)}: ${message}`;
    })
    .join('\n');
}
