//! The plan over time: headcount, FTE and cost against budget per unit and period.

mod table;

pub use table::{plan_table, Granularity, PlanCell, PlanOptions, PlanRow, PlanTable};
