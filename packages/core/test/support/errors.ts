import { isDinhDanhError } from '@dinhdanh/core';

/** The DinhDanhError code a promise or function rejects with (fails the test on success). */
export async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (isDinhDanhError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a DinhDanhError, got success');
}
