//! The app's state, its reducer, and every form's model (fields as typed, validation).

pub mod action_form;
pub mod contacts_form;
pub mod edit;
pub mod edit_merge;
pub mod form;
pub mod log_form;
pub mod settings_form;
pub mod state;
pub mod today_view;
