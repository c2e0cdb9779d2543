import type { ReactNode } from 'react';

export interface Period {
  from: string;
  to: string;
}

/** What every period report gets from the reports screen: the range, and its picker to put in the filter bar. */
export interface PeriodProps {
  period: Period;
  periodPicker: ReactNode;
}
