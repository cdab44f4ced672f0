//! Browser adapters: localStorage, clipboard, clock and file downloads. The only code that
//! talks to browser storage and devices; everything it returns is plain core data.

pub mod clipboard;
pub mod clock;
pub mod files;
pub mod intl_zone;
pub mod storage;
