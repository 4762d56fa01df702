//! The plan over time: headcount, FTE and cost against budget per unit and period.

mod table;

pub use table::{
    plan_table, plan_table_in, Granularity, PlanCell, PlanOptions, PlanRow, PlanTable,
};
