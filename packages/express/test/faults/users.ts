/**
 * Virtual users: each its own cookie jar and persona, logging in through the app and the
 * provider, reading `/whoami`, sometimes logging out. Every answer is checked: a success or
 * a clean error status (never a 500, a stack, or a hang past {@link REQUEST_BOUND_MS}); the
 * identity is always the user's own; a session is never lost (401 without a logout) nor
 * alive after its logout.
 */
import { parseSetCookie } from 'cookie';

/** The personas the users log in as, and the name each must see. */
export const PERSONAS = [
  ['citizen-l2', 'Nguyễn Văn An'],
  ['citizen-l1', 'Trần Thị Bình'],
  ['citizen-l2-no-contact', 'Lê Văn Cường'],
  ['guardian', 'Phạm Thị Dung'],
  ['foreigner-l1', 'John Smith'],
  ['foreigner-l2', 'Yamada Hanako'],
] as const;

/** No request may take longer than this (the relying party's own timeouts are 1 s). */
export const REQUEST_BOUND_MS = 5_000;

/** Error statuses a fault may cause: the provider's or the store's, cleanly reported. */
const CLEAN_ERRORS = new Set([400, 401, 403, 502, 503, 504]);

/** What a run saw. */
export class Ledger {
  readonly statuses = new Map<string, number>();
  readonly violations: string[] = [];
  logins = 0;
  reads = 0;
  logouts = 0;

  count(kind: string, status: number | string): void {
    const key = `${kind} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  violate(message: string): void {
    if (this.violations.length < 20) this.violations.push(message);
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.statuses].sort());
  }
}

class Jar {
  readonly cookies = new Map<string, string>();

  apply(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value ?? '');
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  copy(): Jar {
    const jar = new Jar();
    for (const [name, value] of this.cookies) jar.cookies.set(name, value);
    return jar;
  }
}

const hasSession = (jar: Jar) => [...jar.cookies.keys()].some((n) => n.includes('session'));

/** One browser. */
export class VirtualUser {
  private jar = new Jar();
  /** Jars whose session was logged out (303): they must never read as signed in again. */
  private readonly ended: Jar[] = [];
  /** Whether this user holds a session (a login succeeded and no logout answered). */
  signedIn = false;
  /** A logout was answered with an error since the last login. */
  private logoutFailed = false;

  constructor(
    readonly app: string,
    readonly persona: string,
    readonly name: string,
    readonly ledger: Ledger,
  ) {}

  /** One request with this user's cookies; checks the answer is clean. */
  private async send(
    kind: string,
    url: string,
    init: RequestInit = {},
    jar = this.jar,
  ): Promise<Response | undefined> {
    const headers = new Headers(init.headers);
    if (jar.cookies.size > 0) headers.set('cookie', jar.header());
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_BOUND_MS),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'error';
      // The app must always answer; only the provider's own pages may be unreachable.
      if (url.startsWith(this.app) || reason === 'TimeoutError') {
        this.ledger.violate(`${kind} ${url.split('?')[0]}: no answer (${reason})`);
      }
      this.ledger.count(kind, reason);
      return undefined;
    }
    this.ledger.count(kind, response.status);
    const text = await response.clone().text();
    if (response.status >= 500 && !CLEAN_ERRORS.has(response.status)) {
      this.ledger.violate(`${kind}: ${response.status} ${text.slice(0, 200)}`);
    }
    if (/\n\s+at .+:\d+:\d+/.test(text)) this.ledger.violate(`${kind}: a stack trace in the body`);
    return response;
  }

  /** Logs in through the app and the provider (the mock auto-approves the login hint). */
  async login(): Promise<boolean> {
    const start = await this.send('login', `${this.app}/auth/login?login_hint=${this.persona}`, {
      headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' },
    });
    if (start === undefined) return false;
    this.jar.apply(start);
    const authorize = start.headers.get('location');
    if (start.status !== 302 || authorize === null) return false;
    const atProvider = await this.send('provider', authorize, {}, new Jar());
    const back = atProvider?.headers.get('location');
    if (back === null || back === undefined || !back.startsWith(this.app)) return false;
    const callback = await this.send('callback', back, {
      headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' },
    });
    if (callback === undefined) return false;
    this.jar.apply(callback);
    if (callback.status !== 302 && callback.status !== 303) return false;
    this.ledger.logins += 1;
    this.signedIn = true;
    this.logoutFailed = false;
    return true;
  }

  /** Reads `/whoami`: the user's own name, or a clean refusal. */
  async whoami(): Promise<'ok' | 'signed-out' | 'error'> {
    const response = await this.send('whoami', `${this.app}/whoami`, {
      headers: { accept: 'application/json' },
    });
    if (response === undefined) return 'error';
    if (response.status === 200) {
      const body = (await response.json()) as { name?: string };
      if (body.name !== this.name) {
        this.ledger.violate(`${this.persona} saw ${String(body.name)}`);
      }
      if (!this.signedIn) this.ledger.violate(`${this.persona}: signed in without a login`);
      this.ledger.reads += 1;
      return 'ok';
    }
    if (response.status === 401) {
      // A logout answered with an error may still have ended the session (its command ran
      // late): that is the safe direction. Any other 401 of a signed-in user is a lost session.
      if (this.signedIn && !this.logoutFailed) {
        this.ledger.violate(`${this.persona}: session lost (401 before logout)`);
      }
      this.signedIn = false;
      return 'signed-out';
    }
    return 'error';
  }

  /** Logs out (CSRF-checked POST); a 303 means the session is over. */
  async logout(): Promise<void> {
    const before = this.jar.copy();
    const response = await this.send('logout', `${this.app}/auth/logout`, {
      method: 'POST',
      headers: { origin: this.app, accept: 'text/html' },
    });
    if (response === undefined) {
      this.logoutFailed = true;
      return;
    }
    this.jar.apply(response);
    if (response.status !== 303) this.logoutFailed = true;
    if (response.status === 303) {
      this.ended.push(before);
      this.signedIn = false;
      this.ledger.logouts += 1;
    } else if (hasSession(before) && !hasSession(this.jar)) {
      // The session cookie was cleared although the answer was an error: ended as well.
      this.ended.push(before);
      this.signedIn = false;
    }
  }

  /** No logged-out session reads as signed in (checked at the end, after every fault). */
  async checkEnded(): Promise<void> {
    for (const jar of this.ended) {
      const response = await this.send(
        'ended',
        `${this.app}/whoami`,
        {
          headers: { accept: 'application/json' },
        },
        jar,
      );
      if (response?.status === 200) this.ledger.violate(`${this.persona}: revived after logout`);
    }
  }

  private rounds = 0;

  /** One step of traffic: log in when signed out, else read (and every 5th step log out). */
  async step(): Promise<void> {
    this.rounds += 1;
    if (!this.signedIn) {
      await this.login();
      return;
    }
    await this.whoami();
    if (this.rounds % 5 === 0) await this.logout();
  }
}

export function users(app: string, ledger: Ledger, count = PERSONAS.length * 2): VirtualUser[] {
  return Array.from({ length: count }, (_, index) => {
    const [persona, name] = PERSONAS[index % PERSONAS.length]!;
    return new VirtualUser(app, persona, name, ledger);
  });
}

/** Runs every user's steps concurrently for `ms` milliseconds (bounded rounds). */
export async function traffic(all: readonly VirtualUser[], ms: number): Promise<void> {
  const until = Date.now() + ms;
  await Promise.all(
    all.map(async (user) => {
      for (let round = 0; round < 1_000 && Date.now() < until; round += 1) await user.step();
    }),
  );
}

/**
 * After the fault clears, every user gets a session and reads its own name within a
 * bounded number of tries (the app recovers on its own, nothing restarted).
 * @returns the milliseconds it took.
 */
export async function recovered(all: readonly VirtualUser[], ms = 8_000): Promise<number> {
  const started = Date.now();
  const pending = new Set(all);
  for (let round = 0; round < 100 && pending.size > 0 && Date.now() - started < ms; round += 1) {
    await Promise.all(
      [...pending].map(async (user) => {
        if (!user.signedIn && !(await user.login())) return;
        if ((await user.whoami()) === 'ok') pending.delete(user);
      }),
    );
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (pending.size > 0) throw new Error(`${pending.size} users did not recover`);
  return Date.now() - started;
}
