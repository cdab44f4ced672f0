//! The user's time zone as a chrono TimeZone: the device zone or a fixed offset.
