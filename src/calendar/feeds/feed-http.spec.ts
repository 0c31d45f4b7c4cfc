import { etagFor, isNotModified } from './feed-http';

describe('isNotModified', () => {
  const etag = etagFor('person:1', 'v1');
  const lastModified = new Date('2027-01-10T08:15:30.700Z');

  it('answers If-None-Match by ETag (weak comparison, lists, *), ignoring If-Modified-Since then', () => {
    expect(isNotModified({ 'if-none-match': etag }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-none-match': `"other", W/${etag}` }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"other"', 'if-modified-since': 'Sun, 10 Jan 2027 08:15:30 GMT' }, etag, lastModified)).toBe(false);
  });

  it('answers If-Modified-Since to the second', () => {
    expect(isNotModified({ 'if-modified-since': 'Sun, 10 Jan 2027 08:15:30 GMT' }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Sun, 10 Jan 2027 08:15:29 GMT' }, etag, lastModified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'not a date' }, etag, lastModified)).toBe(false);
    expect(isNotModified({}, etag, lastModified)).toBe(false);
  });

  it('makes different ETags for different versions and feeds, the same for the same', () => {
    expect(etagFor('person:1', 'v1')).toBe(etag);
    expect(etagFor('person:1', 'v2')).not.toBe(etag);
    expect(etagFor('person:2', 'v1')).not.toBe(etag);
  });
});
