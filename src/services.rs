//! Browser adapters: localStorage, clipboard, clock, file downloads, notifications, the app badge
//! and the views' stylesheet. The only code that talks to browser storage and devices;
//! everything it returns is plain core data.

pub mod clipboard;
pub mod clock;
pub mod files;
pub mod intl_zone;
pub mod reminders;
pub mod storage;
pub mod styles;
