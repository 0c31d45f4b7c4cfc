import type { CompletionReport, CompletionRow } from '../../reporting/completion/completion.dto';
import { percent } from '../../plans/progress/progress.dto';

export interface UnitFigures {
  name: string;
  plans: number;
  percentComplete: number;
  overdueItems: number;
  trainingDaysDone: number;
  trainingDaysPlanned: number;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The completion report's plans summed per org unit (the hire's own unit), in the report's order. */
export function byUnit(report: CompletionReport): UnitFigures[] {
  const groups = new Map<string, CompletionRow[]>();
  for (const row of report.rows) groups.set(row.orgUnitId, [...(groups.get(row.orgUnitId) ?? []), row]);
  return [...groups.values()].map((rows) => {
    const sum = (pick: (r: CompletionRow) => number) => rows.reduce((acc, r) => acc + pick(r), 0);
    return {
      name: rows[0].orgUnitName,
      plans: rows.length,
      percentComplete: percent(sum((r) => r.doneItems + r.waivedItems), sum((r) => r.totalItems)),
      overdueItems: sum((r) => r.overdueItems),
      trainingDaysDone: oneDecimal(sum((r) => r.trainingDaysDone)),
      trainingDaysPlanned: oneDecimal(sum((r) => r.trainingDaysPlanned)),
    };
  });
}

/** Plans by status (draft, active, paused, completed, closed), for the city or unit chosen. */
export function byStatus(report: CompletionReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of report.rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}
