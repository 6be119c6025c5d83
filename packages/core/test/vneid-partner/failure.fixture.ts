/** Shared by the vneid-partner protocol tests and the profile tests in profile/. */
import { isDinhDanhError } from '@dinhdanh/core';

/**
 * The DinhDanhError a promise rejects with, and all its text (to check for leaks); fails
 * the test on success or a foreign error.
 */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; text: string }> {
  try {
    await promise;
  } catch (error) {
    if (!isDinhDanhError(error)) throw error;
    return {
      code: error.code,
      text: `${error.message} ${JSON.stringify(error)} ${String(error.stack)} ${String(error.cause)}`,
    };
  }
  throw new Error('expected a DinhDanhError, got success');
}
