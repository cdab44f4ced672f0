//! Date and time formatting for display.
