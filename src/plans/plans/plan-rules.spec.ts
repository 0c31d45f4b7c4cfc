import { activityDueDate, addDays, daysBetween, isOverdue, lectureDueDate, mayTransition } from './plan-rules';

describe('plan rules', () => {
  it('allows draft -> active -> completed/closed and active <-> paused only', () => {
    expect(mayTransition('draft', 'active')).toBe(true);
    expect(mayTransition('active', 'paused')).toBe(true);
    expect(mayTransition('paused', 'active')).toBe(true);
    expect(mayTransition('active', 'completed')).toBe(true);
    expect(mayTransition('paused', 'completed')).toBe(false);
    expect(mayTransition('draft', 'paused')).toBe(false);
    expect(mayTransition('completed', 'active')).toBe(false);
    expect(mayTransition('closed', 'draft')).toBe(false);
  });

  it('derives due dates from the recommended month and the month offset', () => {
    expect(lectureDueDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(lectureDueDate('2027-01-15', null)).toBeNull();
    expect(activityDueDate('2027-01-15', 0)).toBe('2027-01-15');
    expect(activityDueDate('2027-01-15', 6)).toBe('2027-07-15');
  });

  it('counts paused days and shifts dates', () => {
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-03-31', '2027-03-01')).toBe(0);
    expect(addDays('2027-12-20', 30)).toBe('2028-01-19');
  });

  it('calls planned or booked items past their due date overdue', () => {
    expect(isOverdue({ status: 'planned', dueDate: '2027-01-01' }, '2027-01-02')).toBe(true);
    expect(isOverdue({ status: 'booked', dueDate: '2027-01-01' }, '2027-01-02')).toBe(true);
    expect(isOverdue({ status: 'planned', dueDate: '2027-01-02' }, '2027-01-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2027-01-01' }, '2027-01-02')).toBe(false);
    expect(isOverdue({ status: 'planned', dueDate: null }, '2027-01-02')).toBe(false);
  });
});
