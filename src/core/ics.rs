//! iCalendar (RFC 5545) export of upcoming actions.
