//! The business calendar: business days, working hours and the next business moment in the user's zone.
