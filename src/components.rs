//! The interface, one component per file. Components read the app context and send messages;
//! they never compute a due date themselves (the planner does).

pub mod action_card;
pub mod action_details;
pub mod banners;
pub mod bulk_bar;
pub mod contacts_editor;
pub mod data_panel;
pub mod deferred;
pub mod draft_panel;
pub mod format;
pub mod interviews;
pub mod invite_import;
pub mod lazy;
pub mod notices;
pub mod onboarding;
pub mod process_detail;
pub mod process_form;
pub mod settings_view;
pub mod submit;
pub mod timing_chart;
pub mod today;
