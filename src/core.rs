//! The web-free core: model, business calendar, planner, drafts, proofreading and storage format.
//!
//! Nothing in here touches the browser; it is tested natively with `cargo test`.

pub mod action;
pub mod backup;
pub mod calendar;
pub mod csv_io;
pub mod drafts;
pub mod edit;
pub mod explain;
pub mod form;
pub mod ics;
pub mod invite;
pub mod mailto;
pub mod model;
pub mod planner;
pub mod proofread;
pub mod sample;
pub mod settings;
pub mod storage;
pub mod survey;
pub mod zone;
