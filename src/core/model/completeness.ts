import { SMART_KEYS, type Smart, type SmartKey } from './model';

export interface SmartCompleteness {
  filled: number;
  total: 5;
  missing: SmartKey[];
}

export function smartCompleteness(smart: Partial<Smart> | undefined): SmartCompleteness {
  const missing: SmartKey[] = [];
  for (const key of SMART_KEYS) {
    const answer = smart?.[key];
    if (typeof answer !== 'string' || answer.trim() === '') missing.push(key);
  }
  return { filled: SMART_KEYS.length - missing.length, total: 5, missing };
}
