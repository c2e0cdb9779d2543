import type { z } from 'zod';
import type { FieldIssue } from '../../src-shared/errors';
import { hasMessage, translate, type Locale } from '../../src-shared/i18n';

/** Turns zod issues into field messages in the caller's language. */
export function zodIssuesToFields(issues: z.core.$ZodIssue[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issueMessage(issue, locale) }));
}

function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  if (hasMessage(issue.message)) {
    // A custom check may fill its message's placeholders: ctx.addIssue({ code: 'custom', message: key, params }).
    const params = issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined;
    return translate(locale, issue.message, params);
  }
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? translate(locale, 'validation.required')
        : translate(locale, 'validation.invalidType', { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? translate(locale, 'validation.required')
          : translate(locale, 'validation.tooShort', { min: Number(issue.minimum) });
      }
      return translate(locale, 'validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? translate(locale, 'validation.tooLong', { max: Number(issue.maximum) })
        : translate(locale, 'validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_value':
      return translate(locale, 'validation.invalidValue', { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return translate(locale, 'validation.unknownKey', { key: issue.keys.join(', ') });
    default:
      return translate(locale, 'validation.invalid');
  }
}
