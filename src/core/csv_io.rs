//! CSV export of processes and actions, and CSV import from other trackers.
