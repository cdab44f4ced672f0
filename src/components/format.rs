//! Date and time formatting for display, in the planning zone the times already carry.

use chrono::{DateTime, FixedOffset};

use crate::core::dates;

/// "Mon 24 Nov".
pub fn day(moment: &DateTime<FixedOffset>) -> String {
    dates::day_month(moment.date_naive())
}

/// "Mon 24 Nov, 09:00".
pub fn moment(moment: &DateTime<FixedOffset>) -> String {
    format!(
        "{}, {}",
        dates::day_month(moment.date_naive()),
        dates::clock(moment.time())
    )
}

/// "today", "tomorrow", "in 3 days", "yesterday", "4 days ago" (by calendar day).
pub fn relative(when: &DateTime<FixedOffset>, now: &DateTime<FixedOffset>) -> String {
    let days = (when.date_naive() - now.with_timezone(when.offset()).date_naive()).num_days();
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// The value a `datetime-local` input shows for `moment`.
pub fn input_datetime(moment: &DateTime<FixedOffset>) -> String {
    dates::iso_minute(moment.date_naive(), moment.time())
}

/// The value a `date` input shows for `moment`.
pub fn input_date(moment: &DateTime<FixedOffset>) -> String {
    dates::iso_date(moment.date_naive())
}
