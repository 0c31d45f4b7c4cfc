import { byTerm, pace } from './plan-time';

const figures = (percentComplete: number, totalItems = 10) => ({ totalItems, doneItems: 0, waivedItems: 0, percentComplete, trainingDaysPlanned: 0, trainingDaysDone: 0, overdueItems: 0 });

describe('pace', () => {
  const plan = { startDate: '2026-01-01', endDate: '2028-01-01', status: 'active' };
  it('is behind when less is done than the share of the two years passed', () => {
    expect(pace(plan, figures(40), '2027-01-01')).toEqual({ elapsedPercent: 50, behind: true });
    expect(pace(plan, figures(50), '2027-01-01')).toEqual({ elapsedPercent: 50, behind: false });
  });
  it('is never behind before the start, when not active, or without items', () => {
    expect(pace(plan, figures(0), '2025-12-01')).toEqual({ elapsedPercent: 0, behind: false });
    expect(pace({ ...plan, status: 'paused' }, figures(0), '2027-01-01').behind).toBe(false);
    expect(pace(plan, figures(0, 0), '2027-01-01').behind).toBe(false);
    expect(pace(plan, figures(90), '2029-01-01').elapsedPercent).toBe(100);
  });
});

describe('byTerm', () => {
  it('puts items into four-month terms by due date, the last term taking anything later, undated last', () => {
    const items = [{ dueDate: '2026-04-30' }, { dueDate: '2026-05-01' }, { dueDate: '2029-03-01' }, { dueDate: null }, { dueDate: '2026-01-15' }];
    const terms = byTerm('2026-01-01', '2028-01-01', items, '2026-06-01');
    expect(terms.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(terms[0].items.map((i) => i.dueDate)).toEqual(['2026-01-15', '2026-04-30']);
    expect(terms[1]).toMatchObject({ from: '2026-05-01', to: '2026-09-01', current: true });
    expect(terms[1].items).toEqual([{ dueDate: '2026-05-01' }]);
    expect(terms[5].items).toEqual([{ dueDate: '2029-03-01' }]);
    expect(terms[6].items).toEqual([{ dueDate: null }]);
  });

  it('places items by the date it is told (a booked session\'s day) and orders each term by it', () => {
    const items = [
      { dueDate: '2026-02-01', sessionDay: '2026-06-15' },
      { dueDate: '2026-03-01', sessionDay: null },
      { dueDate: '2026-04-15', sessionDay: '2026-01-20' },
    ];
    const terms = byTerm('2026-01-01', '2028-01-01', items, '2026-06-01', (i) => i.sessionDay ?? i.dueDate);
    expect(terms[0].items).toEqual([items[2], items[1]]);
    expect(terms[1].items).toEqual([items[0]]);
  });
});
