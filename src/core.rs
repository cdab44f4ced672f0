//! The web-free core, in four parts: [`planning`] (when to send what), [`writing`] (what to
//! send), [`data`] (what is kept) and [`app`] (the app's state, reducer and form models); [`dates`]
//! writes and reads the dates and times they all show.
//!
//! Nothing in here touches the browser; it is tested natively with `cargo test`.

pub mod app;
pub mod data;
pub mod dates;
pub mod planning;
pub mod sort;
pub mod writing;
