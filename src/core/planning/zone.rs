//! The user's time zone as a chrono TimeZone: the device zone or a fixed offset.
//!
//! The app hands a [`UserZone`] to the planner. `Device` delegates to
//! `chrono::Local`, which in the browser reads the JS `Date` and therefore
//! follows daylight saving; `Fixed` never changes.

use std::fmt;

use chrono::offset::MappedLocalTime;
use chrono::{FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeZone};

use crate::core::data::settings::ZoneSetting;

/// The clock the planner reads dates in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserZone {
    /// Whatever the device says, daylight saving included.
    Device,
    /// A fixed distance from UTC.
    Fixed(FixedOffset),
}

impl UserZone {
    /// The zone a setting asks for. An offset chrono cannot represent (a day or more)
    /// falls back to UTC rather than failing: the setting came from user data.
    pub fn from_setting(setting: ZoneSetting) -> Self {
        match setting {
            ZoneSetting::Device => UserZone::Device,
            ZoneSetting::Fixed { offset_minutes } => UserZone::Fixed(
                offset_minutes
                    .checked_mul(60)
                    .and_then(FixedOffset::east_opt)
                    .unwrap_or_else(utc),
            ),
        }
    }

    fn tag(self, offset: FixedOffset) -> UserOffset {
        UserOffset { zone: self, offset }
    }
}

fn utc() -> FixedOffset {
    Offset::fix(&chrono::Utc)
}

/// An offset that remembers which [`UserZone`] produced it, so dates keep their zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UserOffset {
    zone: UserZone,
    offset: FixedOffset,
}

impl UserOffset {
    pub fn zone(&self) -> UserZone {
        self.zone
    }
}

impl Offset for UserOffset {
    fn fix(&self) -> FixedOffset {
        self.offset
    }
}

impl fmt::Display for UserOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.offset, f)
    }
}

impl TimeZone for UserZone {
    type Offset = UserOffset;

    fn from_offset(offset: &UserOffset) -> Self {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<UserOffset> {
        match self {
            UserZone::Device => {
                #[allow(deprecated)]
                let found = Local.offset_from_local_date(local);
                found.map(|offset| self.tag(offset))
            }
            UserZone::Fixed(offset) => MappedLocalTime::Single(self.tag(*offset)),
        }
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<UserOffset> {
        match self {
            UserZone::Device => Local
                .offset_from_local_datetime(local)
                .map(|offset| self.tag(offset)),
            UserZone::Fixed(offset) => MappedLocalTime::Single(self.tag(*offset)),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> UserOffset {
        match self {
            UserZone::Device => {
                #[allow(deprecated)]
                let offset = Local.offset_from_utc_date(utc);
                self.tag(offset)
            }
            UserZone::Fixed(offset) => self.tag(*offset),
        }
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> UserOffset {
        match self {
            UserZone::Device => self.tag(Local.offset_from_utc_datetime(utc)),
            UserZone::Fixed(offset) => self.tag(*offset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_setting_keeps_its_offset() {
        let zone = UserZone::from_setting(ZoneSetting::Fixed {
            offset_minutes: 330,
        });
        let moment = zone.with_ymd_and_hms(2025, 3, 4, 10, 0, 0).single();
        let moment = moment.map(|m| m.to_rfc3339());
        assert_eq!(moment.as_deref(), Some("2025-03-04T10:00:00+05:30"));
    }

    #[test]
    fn impossible_offset_falls_back_to_utc() {
        for minutes in [i32::MAX, i32::MIN, 24 * 60, -24 * 60] {
            let zone = UserZone::from_setting(ZoneSetting::Fixed {
                offset_minutes: minutes,
            });
            assert_eq!(zone, UserZone::Fixed(utc()));
        }
    }

    #[test]
    fn offsets_remember_their_zone() {
        let zone = UserZone::Fixed(FixedOffset::west_opt(5 * 3600).unwrap_or_else(utc));
        let moment = zone.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).single();
        assert_eq!(moment.map(|m| m.offset().zone()), Some(zone));
        assert_eq!(
            moment.map(|m| m.offset().to_string()).as_deref(),
            Some("-05:00")
        );
    }

    #[test]
    fn device_zone_agrees_with_local() {
        let utc_moment = NaiveDate::from_ymd_opt(2025, 7, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default();
        let expected = Local.offset_from_utc_datetime(&utc_moment);
        assert_eq!(
            UserZone::Device.offset_from_utc_datetime(&utc_moment).fix(),
            expected
        );
    }
}
