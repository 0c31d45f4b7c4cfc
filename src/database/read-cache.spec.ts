import { ReadCache } from './read-cache';

describe('ReadCache', () => {
  let version: number;
  let computed: number;
  const cache = (maxEntries = 10, ttlMs = 60_000) => new ReadCache<string>({ maxEntries, ttlMs }, () => `v${version}`);
  const compute = (value: string) => async () => {
    computed++;
    return value;
  };

  beforeEach(() => {
    version = 1;
    computed = 0;
  });

  it('computes once per key while the version holds, again when it changes', async () => {
    const c = cache();
    expect(await c.get('k', compute('a'))).toBe('a');
    expect(await c.get('k', compute('b'))).toBe('a');
    version++;
    expect(await c.get('k', compute('c'))).toBe('c');
    expect(computed).toBe(2);
  });

  it('shares one computation between concurrent misses', async () => {
    const c = cache();
    let release!: (value: string) => void;
    const slow = () => {
      computed++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([c.get('k', slow), c.get('k', slow)]);
    release('x');
    expect(await both).toEqual(['x', 'x']);
    expect(computed).toBe(1);
  });

  it('keeps an entry computed during a change stale: the version is taken before computing', async () => {
    const c = cache();
    await c.get('k', async () => {
      version++;
      return 'old';
    });
    expect(await c.get('k', compute('new'))).toBe('new');
  });

  it('serves an entry only for the version the caller names, when it names one', async () => {
    const c = new ReadCache<string>({ maxEntries: 10, ttlMs: Infinity });
    expect(await c.get('feed', compute('a1'), 'a1')).toBe('a1');
    expect(await c.get('feed', compute('x'), 'a1')).toBe('a1');
    expect(await c.get('feed', compute('a2'), 'a2')).toBe('a2');
    expect(await c.get('feed', compute('y'), 'a1')).toBe('y');
    expect(c.size).toBe(1);
  });

  it('does not keep failures', async () => {
    const c = cache();
    await expect(c.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('k', compute('a'))).toBe('a');
  });

  it('expires entries after the time to live', async () => {
    const c = cache(10, 1_000);
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await c.get('k', compute('a'));
    now.mockReturnValue(1_000_999);
    expect(await c.get('k', compute('b'))).toBe('a');
    now.mockReturnValue(1_001_000);
    expect(await c.get('k', compute('c'))).toBe('c');
    now.mockRestore();
  });

  it('drops the least recently used entry beyond its size, and keeps nothing at size 0', async () => {
    const c = cache(2);
    await c.get('a', compute('a'));
    await c.get('b', compute('b'));
    await c.get('a', compute('x'));
    await c.get('c', compute('c'));
    expect(c.size).toBe(2);
    expect(await c.get('a', compute('a2'))).toBe('a');
    expect(await c.get('b', compute('b2'))).toBe('b2');
    const off = cache(0);
    await off.get('k', compute('a'));
    expect(await off.get('k', compute('b'))).toBe('b');
    expect(off.size).toBe(0);
  });
});
