//! When to send what: the business calendar, the planner and its rules, the explanations.

pub mod action;
pub mod calendar;
pub mod explain;
pub mod planner;
pub mod survey;
pub mod timing;
pub mod today;
pub mod zone;
