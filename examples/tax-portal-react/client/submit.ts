/** `POST /api/to-khai`: the server checks the session's level (401 below level 2). */

/** What became of a submission. */
export type SubmitOutcome =
  | { kind: 'submitted'; reference: string; level: number }
  | { kind: 'needs_level' }
  | { kind: 'signed_out' }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string };

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/** Sends the form's declaration as JSON and reads the answer. */
export async function submitDeclaration(form: FormData): Promise<SubmitOutcome> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  let response: Response;
  try {
    response = await fetch('/api/to-khai', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        fullName: text('hoTen'),
        taxCode: text('mst'),
        year: Number(text('nam')),
        income: Number(text('thuNhap')),
      }),
    });
  } catch {
    return { kind: 'failed', message: 'Không kết nối được cổng thuế. Vui lòng thử lại.' };
  }
  const body = (await response.json().catch(() => ({}))) as ErrorBody & {
    reference?: string;
    level?: number;
  };
  if (response.status === 201 && typeof body.reference === 'string') {
    return { kind: 'submitted', reference: body.reference, level: body.level ?? 0 };
  }
  const code = body.error?.code;
  if (code === 'insufficient_level') return { kind: 'needs_level' };
  if (code === 'session_missing' || code === 'session_expired') return { kind: 'signed_out' };
  if (response.status === 400) {
    return { kind: 'invalid', message: body.error?.message ?? 'Tờ khai chưa hợp lệ.' };
  }
  return {
    kind: 'failed',
    message: `Cổng thuế chưa nhận tờ khai (mã lỗi ${code ?? response.status}).`,
  };
}
