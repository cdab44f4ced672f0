//! The web-free core: model, business calendar, planner, drafts, proofreading and storage format.
//!
//! Nothing in here touches the browser; it is tested natively with `cargo test`.

pub mod action;
pub mod action_form;
pub mod backup;
pub mod calendar;
pub mod contacts_form;
pub mod csv_io;
pub mod drafts;
pub mod edit;
pub mod edit_merge;
pub mod explain;
pub mod form;
pub mod ics;
pub mod ids;
pub mod invite;
pub mod log_form;
pub mod mailto;
pub mod model;
pub mod planner;
pub mod proofread;
pub mod sample;
pub mod settings;
pub mod settings_form;
pub mod state;
pub mod storage;
pub mod survey;
pub mod timing;
pub mod today;
pub mod wording;
pub mod zone;
