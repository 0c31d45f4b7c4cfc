import { distributionsByKey, figuresOf, shownCells } from './threshold';

describe('evaluation thresholds', () => {
  it('shows cells at the threshold and hides those below it', () => {
    expect(shownCells([5, 6], 5)).toEqual([true, true]);
    expect(shownCells([5, 6, 4, 1], 5)).toEqual([true, true, false, false]);
    // one hidden cell of 4 beside a shown 5 would be derivable from the total: both hidden
    expect(shownCells([5, 4], 5)).toEqual([false, false]);
  });

  it('hides the smallest shown cell too when the hidden ones together are below the threshold', () => {
    // 2 hidden answers would be total minus the shown cells: hide the 6 as well.
    expect(shownCells([9, 2, 6], 5)).toEqual([true, false, false]);
    // hidden cells that together reach the threshold need no company
    expect(shownCells([9, 2, 3, 7], 5)).toEqual([true, false, false, true]);
    expect(shownCells([], 5)).toEqual([]);
  });

  it('averages from the distribution', () => {
    const byKey = distributionsByKey([
      { key: 'a', rating: 5, n: 2 },
      { key: 'a', rating: 2, n: 1 },
      { key: 'b', rating: 1, n: 3 },
    ]);
    expect(figuresOf(byKey.get('a')!)).toEqual({ responses: 3, averageRating: 4, distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 2 } });
    expect(figuresOf(byKey.get('b')!).averageRating).toBe(1);
  });
});
