/**
 * The published artifacts as a user gets them (issue 20): the tarballs `pnpm pack` makes
 * from what `pnpm test` built, installed by npm into a fresh project outside the
 * workspace. Each check runs in a child process with a time bound.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPackedProject,
  manifest,
  PUBLISHED,
  typecheck,
  type PackedProject,
} from '../support/project';
import { run, startServer, type Server } from '../support/run';

const names = Object.values(PUBLISHED);
let project: PackedProject;

beforeAll(async () => {
  project = await createPackedProject();
  console.info(`packed in ${project.seconds.pack} s, npm install in ${project.seconds.install} s`);
});

afterAll(async () => {
  await project?.remove();
});

/** Every `exports` subpath of the workspace's packages, as an import specifier. */
async function specifiers(): Promise<string[]> {
  const all: string[] = [];
  for (const [folder, name] of Object.entries(PUBLISHED)) {
    for (const subpath of Object.keys((await manifest(`packages/${folder}`)).exports)) {
      if (!subpath.endsWith('.json'))
        all.push(subpath === '.' ? name : `${name}${subpath.slice(1)}`);
    }
  }
  return all;
}

async function probe(script: string): Promise<Record<string, string[]>> {
  const { stdout } = await run(process.execPath, [script, ...names], {
    cwd: project.dir,
    timeoutMs: 60_000,
  });
  return JSON.parse(stdout) as Record<string, string[]>;
}

describe('the packed packages, installed with npm outside the workspace', () => {
  it('import every entry point as ESM and require it as CommonJS, with the same exports', async () => {
    const [esm, cjs] = await Promise.all([probe('probe.mjs'), probe('probe.cjs')]);
    expect(Object.keys(esm).sort()).toEqual((await specifiers()).sort());
    expect(cjs).toEqual(esm);
    for (const [specifier, exported] of Object.entries(esm)) {
      expect(exported.length, specifier).toBeGreaterThan(0);
    }
    expect(esm['@dinhdanh/core']).toContain('createRelyingParty');
    expect(esm['@dinhdanh/mock-idp']).toContain('startMockIdp');
    expect(esm['@dinhdanh/express']).toContain('requireIdentity');
    expect(esm['@dinhdanh/react']).toContain('DinhDanhProvider');
  });

  it('type-check a strict consumer with module nodenext and with bundler resolution', async () => {
    const [nodenext, bundler] = await Promise.allSettled([
      typecheck(project.dir, 'tsconfig.nodenext.json', {
        module: 'nodenext',
        moduleResolution: 'nodenext',
      }),
      typecheck(project.dir, 'tsconfig.bundler.json', {
        module: 'preserve',
        moduleResolution: 'bundler',
      }),
    ]);
    // A failure shows the diagnostics; a pass says what was checked: the three consumer
    // files and at least one declaration file per entry point (app.ts imports each).
    const entryPoints = (await specifiers()).length;
    const outputs = [nodenext, bundler].map((result) =>
      result.status === 'fulfilled' ? result.value : String(result.reason),
    );
    for (const output of outputs) {
      expect(output).toMatch(/^checked 3 sources and \d+ @dinhdanh declarations$/);
      expect(Number(/(\d+) @dinhdanh/.exec(output)?.[1])).toBeGreaterThanOrEqual(entryPoints);
    }
  });

  describe('a headless login against the packed mock (its CLI, login_hint)', () => {
    let mock: Server;
    beforeAll(async () => {
      const bin = join(project.dir, 'node_modules/.bin/dinhdanh-mock-idp');
      mock = await startServer(bin, ['--port', '0', '--auto-approve'], {
        cwd: project.dir,
        timeoutMs: 45_000,
      });
    });
    afterAll(async () => {
      expect(await mock?.stop()).toBe(0);
    });

    const login = async (persona: string): Promise<unknown> => {
      const { stdout } = await run(process.execPath, ['login.mjs', mock.issuer, persona], {
        cwd: project.dir,
        timeoutMs: 45_000,
      });
      return JSON.parse(stdout);
    };

    it('logs citizen-l2 in at level 2 with exactly the attributes asked for', async () => {
      expect(await login('citizen-l2')).toEqual({
        level: 2,
        name: 'Nguyễn Văn An',
        attributes: ['birthdate', 'name', 'pid'],
      });
    });

    it('refuses a level-1 persona at level 2 with a typed error', async () => {
      expect(await login('citizen-l1')).toEqual({ error: 'unmet_authentication_requirements' });
    });
  });
});
