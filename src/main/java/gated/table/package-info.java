/**
 * Tablesaw tables of what a recurrent step computed, one number per cell, printed to 4 decimals:
 * {@code System.out.println(StepTables.print(StepTables.lstmByUnit(trace.step(0))));}
 */
package gated.table;
