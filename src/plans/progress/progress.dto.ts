import { ApiProperty } from '@nestjs/swagger';

export class ThemeProgress {
  @ApiProperty() themeId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'lecture items of this theme' }) total: number;
  @ApiProperty({ description: 'of them done (attended)' }) done: number;
  @ApiProperty({ description: 'of them waived' }) waived: number;
}

export class PlanFigures {
  @ApiProperty() totalItems: number;
  @ApiProperty() doneItems: number;
  @ApiProperty({ description: 'waived items count as fulfilled' }) waivedItems: number;
  @ApiProperty({ description: '(done + waived) / total, in percent with one decimal', example: 42.5 }) percentComplete: number;
  @ApiProperty({ description: 'minutes of lectures in the plan (not waived) / DAY_MINUTES' }) trainingDaysPlanned: number;
  @ApiProperty({ description: 'minutes of lectures attended / DAY_MINUTES' }) trainingDaysDone: number;
  @ApiProperty({ description: 'planned or booked past the due date' }) overdueItems: number;
}

export class PlanProgress extends PlanFigures {
  @ApiProperty({ type: [ThemeProgress] }) byTheme: ThemeProgress[];
  @ApiProperty({ type: [String] }) overdueItemIds: string[];
}

/** The raw per-plan sums that `itemAggregates` selects. */
export interface ItemSums {
  total_items?: unknown;
  done_items?: unknown;
  waived_items?: unknown;
  overdue_items?: unknown;
  minutes_planned?: unknown;
  minutes_done?: unknown;
}

const num = (value: unknown) => Number(value ?? 0);
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function percent(fulfilled: number, total: number): number {
  return total === 0 ? 0 : oneDecimal((fulfilled / total) * 100);
}

export function toFigures(sums: ItemSums | undefined, dayMinutes: number): PlanFigures {
  const totalItems = num(sums?.total_items);
  const doneItems = num(sums?.done_items);
  const waivedItems = num(sums?.waived_items);
  return {
    totalItems,
    doneItems,
    waivedItems,
    percentComplete: percent(doneItems + waivedItems, totalItems),
    trainingDaysPlanned: oneDecimal(num(sums?.minutes_planned) / dayMinutes),
    trainingDaysDone: oneDecimal(num(sums?.minutes_done) / dayMinutes),
    overdueItems: num(sums?.overdue_items),
  };
}
