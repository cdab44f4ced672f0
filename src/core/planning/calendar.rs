//! The business calendar: business days, working hours and the next business moment in the user's zone.
//!
//! Built once per plan from [`Settings`]; every method is generic over the
//! chrono `TimeZone`, so the same calendar serves the device zone, a fixed
//! offset, or a test zone with daylight saving.

use crate::core::sort;
use chrono::offset::MappedLocalTime;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday};

use crate::core::data::settings::Settings;

/// The months' names in lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The weekdays' names in lower case, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Upper bound on how far a search for a business day may walk (about three years),
/// so a settings file that declares every day a holiday cannot hang the planner.
const MAX_DAYS_SEARCHED: u32 = 1100;

/// Work days, working hours and holidays, precomputed for fast lookups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessCalendar {
    /// Bit `n` is set when the weekday numbered `n` from Monday is a work day.
    work_days: u8,
    work_start: NaiveTime,
    work_end: NaiveTime,
    /// Sorted and deduplicated, for binary search.
    holidays: Vec<NaiveDate>,
}

impl Default for BusinessCalendar {
    fn default() -> Self {
        BusinessCalendar::from_settings(&Settings::default())
    }
}

impl BusinessCalendar {
    /// Reads the user's settings; unusable parts fall back to the defaults
    /// (Monday to Friday when no work day is set, 09:00-17:00 when start >= end).
    pub fn from_settings(settings: &Settings) -> Self {
        let mut work_days = settings
            .work_days
            .iter()
            .fold(0u8, |mask, day| mask | weekday_bit(*day));
        if work_days == 0 {
            work_days = [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ]
            .iter()
            .fold(0u8, |mask, day| mask | weekday_bit(*day));
        }
        let (work_start, work_end) = if settings.work_start < settings.work_end {
            (settings.work_start, settings.work_end)
        } else {
            (hour(9), hour(17))
        };
        let mut holidays = settings.holidays.clone();
        sort::sort(&mut holidays);
        holidays.dedup();
        BusinessCalendar {
            work_days,
            work_start,
            work_end,
            holidays,
        }
    }

    pub fn work_start(&self) -> NaiveTime {
        self.work_start
    }

    pub fn work_end(&self) -> NaiveTime {
        self.work_end
    }

    /// A work day that is not a holiday.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.is_work_day(date.weekday().num_days_from_monday()) && !self.is_holiday(date)
    }

    /// Whether the weekday numbered `weekday` from Monday (0) is a work day.
    fn is_work_day(&self, weekday: u32) -> bool {
        self.work_days & (1 << weekday) != 0
    }

    fn is_holiday(&self, date: NaiveDate) -> bool {
        !self.holidays.is_empty() && self.holidays.binary_search(&date).is_ok()
    }

    /// The first business day strictly after `date` (or `date` itself when the
    /// calendar runs out, which only happens at the very end of chrono's range).
    pub fn next_business_day(&self, date: NaiveDate) -> NaiveDate {
        self.add_business_days(date, 1)
    }

    /// The last business day on or before `date`.
    pub fn business_day_on_or_before(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..MAX_DAYS_SEARCHED {
            if self.is_business_day(day) {
                return day;
            }
            match day.pred_opt() {
                Some(previous) => day = previous,
                None => return date,
            }
        }
        date
    }

    /// The date `count` business days after `date` (weekends and holidays skipped;
    /// `date` itself need not be a business day). Zero returns `date`.
    ///
    /// Each step looks at most [`MAX_DAYS_SEARCHED`] days ahead and, finding no business
    /// day, goes on from the last day it looked at. When chrono's calendar runs out, the
    /// last business day reached is returned.
    pub fn add_business_days(&self, date: NaiveDate, count: u32) -> NaiveDate {
        let mut day = date;
        // The weekday is carried along rather than derived from each date again.
        let mut weekday = date.weekday().num_days_from_monday();
        for _ in 0..count {
            let from = day;
            for _ in 0..MAX_DAYS_SEARCHED {
                let Some(next) = day.succ_opt() else {
                    return from;
                };
                day = next;
                weekday = (weekday + 1) % 7;
                if self.is_work_day(weekday) && !self.is_holiday(day) {
                    break;
                }
            }
        }
        day
    }

    /// Inside working hours (both ends inclusive: a message sent at closing time still
    /// lands in the working day) on a business day.
    pub fn is_business_moment<Tz: TimeZone>(&self, moment: &DateTime<Tz>) -> bool {
        let local = moment.naive_local();
        self.is_business_day(local.date())
            && local.time() >= self.work_start
            && local.time() <= self.work_end
    }

    /// `moment` when it falls inside working hours on a business day, else the next opening.
    pub fn next_business_moment<Tz: TimeZone>(&self, moment: &DateTime<Tz>) -> DateTime<Tz> {
        match self.next_opening_day(moment) {
            Some(day) => self.opening_of(day, &moment.timezone()),
            None => moment.clone(),
        }
    }

    /// The day whose opening [`Self::next_business_moment`] moves `moment` to; `None` when
    /// `moment` stays (inside working hours on a business day, or the calendar has run out).
    pub fn next_opening_day<Tz: TimeZone>(&self, moment: &DateTime<Tz>) -> Option<NaiveDate> {
        self.next_opening_day_by(moment, |date| self.next_business_day(date))
    }

    /// [`Self::next_opening_day`] with the next business day found by `next_business_day`
    /// (the planner passes one that remembers its answers).
    pub fn next_opening_day_by<Tz: TimeZone>(
        &self,
        moment: &DateTime<Tz>,
        next_business_day: impl FnOnce(NaiveDate) -> NaiveDate,
    ) -> Option<NaiveDate> {
        let local = moment.naive_local();
        let date = local.date();
        if self.is_business_day(date) {
            if local.time() < self.work_start {
                return Some(date);
            }
            if local.time() <= self.work_end {
                return None;
            }
        }
        let next = next_business_day(date);
        (next != date).then_some(next)
    }

    /// When work starts on `date` in `zone`. A start that falls in a daylight-saving
    /// gap moves forward past the gap; an ambiguous one takes the earlier instant.
    pub fn opening_of<Tz: TimeZone>(&self, date: NaiveDate, zone: &Tz) -> DateTime<Tz> {
        resolve_local(zone, date.and_time(self.work_start), false)
    }

    /// When work ends on `date` in `zone`. Gaps move forward; an ambiguous end
    /// takes the later instant, so the day is never cut short.
    pub fn closing_of<Tz: TimeZone>(&self, date: NaiveDate, zone: &Tz) -> DateTime<Tz> {
        resolve_local(zone, date.and_time(self.work_end), true)
    }
}

/// Turns a local wall-clock time into an instant without ever failing.
pub fn resolve_local<Tz: TimeZone>(
    zone: &Tz,
    local: NaiveDateTime,
    prefer_later: bool,
) -> DateTime<Tz> {
    match zone.from_local_datetime(&local) {
        MappedLocalTime::Single(moment) => moment,
        MappedLocalTime::Ambiguous(first, second) => {
            if prefer_later {
                second
            } else {
                first
            }
        }
        MappedLocalTime::None => {
            // A spring-forward gap: the first valid wall time after it, searched in
            // quarter hours (real gaps are at most a couple of hours long).
            let mut probe = local;
            for _ in 0..(4 * 26) {
                probe = match probe.checked_add_signed(chrono::TimeDelta::minutes(15)) {
                    Some(later) => later,
                    None => break,
                };
                if let Some(found) = zone.from_local_datetime(&probe).earliest() {
                    return found;
                }
            }
            // No valid time nearby: read the wall time as UTC rather than fail.
            zone.from_utc_datetime(&local)
        }
    }
}

/// The date `days` calendar days after `date`, saturating at the end of chrono's range.
pub fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn weekday_bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

fn hour(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One day at a time with chrono's own weekday: what the stepping must agree with.
    fn reference_next(calendar: &BusinessCalendar, date: NaiveDate) -> NaiveDate {
        let business = |day: NaiveDate| {
            calendar.work_days & weekday_bit(day.weekday()) != 0
                && !calendar.holidays.contains(&day)
        };
        let mut day = date;
        for _ in 0..MAX_DAYS_SEARCHED {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return date,
            }
            if business(day) {
                return day;
            }
        }
        day
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn stepping_agrees_with_walking_the_dates() {
        let settings = Settings {
            work_days: vec![Weekday::Mon, Weekday::Wed, Weekday::Thu, Weekday::Sat],
            holidays: vec![
                day(2025, 12, 24),
                day(2025, 12, 25),
                day(2025, 12, 27),
                day(2026, 1, 1),
            ],
            ..Settings::default()
        };
        for calendar in [
            BusinessCalendar::from_settings(&settings),
            BusinessCalendar::default(),
        ] {
            let mut date = day(2025, 12, 1);
            while date < day(2026, 2, 1) {
                let mut expected = date;
                for count in 0..8 {
                    assert_eq!(
                        calendar.add_business_days(date, count),
                        expected,
                        "{date} + {count}"
                    );
                    expected = reference_next(&calendar, expected);
                }
                assert_eq!(
                    calendar.next_business_day(date),
                    reference_next(&calendar, date)
                );
                date = date.succ_opt().unwrap_or(date);
            }
        }
    }

    #[test]
    fn the_end_of_the_calendar_and_endless_holidays_do_not_fail() {
        let calendar = BusinessCalendar::default();
        assert_eq!(calendar.next_business_day(NaiveDate::MAX), NaiveDate::MAX);
        assert_eq!(
            calendar.add_business_days(NaiveDate::MAX, 3),
            NaiveDate::MAX
        );
        // Three business days asked, fewer left: the last one reached.
        let near_end = NaiveDate::MAX - Days::new(10);
        let last = (0..3).fold(near_end, |day, _| reference_next(&calendar, day));
        assert_eq!(calendar.add_business_days(near_end, 3), last);
        // Only Sundays work and 200 of them in a row are holidays: each step gives up after
        // its bound and goes on from where it stopped, rather than hang.
        let settings = Settings {
            work_days: vec![Weekday::Sun],
            holidays: (0..200)
                .filter_map(|week| day(2025, 1, 5).checked_add_days(Days::new(7 * week)))
                .collect(),
            ..Settings::default()
        };
        let calendar = BusinessCalendar::from_settings(&settings);
        let start = day(2025, 1, 1);
        let first = reference_next(&calendar, start);
        assert_eq!(first, start + Days::new(u64::from(MAX_DAYS_SEARCHED)));
        assert_eq!(calendar.next_business_day(start), first);
        assert_eq!(
            calendar.add_business_days(start, 2),
            reference_next(&calendar, first)
        );
    }
}
