//! The clock: the browser's current time in the user's chosen zone.

use chrono::{DateTime, FixedOffset, Utc};

use crate::core::data::settings::Settings;
use crate::core::planning::zone::UserZone;

/// Now, in the zone the settings pick (the device's zone follows its daylight saving).
pub fn now(settings: &Settings) -> DateTime<FixedOffset> {
    // Every path reads the clock before it plans or shows a zone (the app's state starts from
    // it), so this is where `Intl` becomes the zone resolver, once.
    crate::services::intl_zone::install();
    Utc::now()
        .with_timezone(&UserZone::from_setting(settings.time_zone))
        .fixed_offset()
}
