//! Time zones for imported invitations: the zone an invitation describes itself (VTIMEZONE
//! rules), Windows zone names, and a small rule table that answers when no browser is around
//! (tests, native tools). The resolver trait itself lives with the planner's zones.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

pub use crate::core::planning::zone::{local_offset, LocalOffset, ZoneResolver};

/// The day of a month a yearly rule names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleDay {
    /// The n-th weekday of the month (negative counts from the end: -1 is the last).
    Weekday(i8, Weekday),
    /// A fixed day of the month.
    MonthDay(u32),
}

/// A yearly recurrence as VTIMEZONE observances use it (`FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct YearlyRule {
    month: u32,
    day: RuleDay,
    until_year: Option<i32>,
}

impl YearlyRule {
    /// Reads the parts of an RRULE that time zones use; anything else is `None`.
    fn parse(rule: &str) -> Option<YearlyRule> {
        let mut freq_yearly = false;
        let mut month = None;
        let mut day = None;
        let mut until_year = None;
        for part in rule.split(';') {
            let (key, value) = part.split_once('=')?;
            match key.trim().to_ascii_uppercase().as_str() {
                "FREQ" => freq_yearly = value.eq_ignore_ascii_case("YEARLY"),
                "BYMONTH" => {
                    month = value
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                }
                "BYDAY" => day = parse_by_day(value.split(',').next()?.trim()),
                "BYMONTHDAY" => {
                    day = value
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|d| (1..=31).contains(d))
                        .map(RuleDay::MonthDay)
                }
                "UNTIL" => until_year = value.get(..4).and_then(|y| y.parse().ok()),
                _ => {}
            }
        }
        if !freq_yearly {
            return None;
        }
        Some(YearlyRule {
            month: month?,
            day: day?,
            until_year,
        })
    }

    fn date_in(self, year: i32) -> Option<NaiveDate> {
        if self.until_year.is_some_and(|until| year > until) {
            return None;
        }
        match self.day {
            RuleDay::MonthDay(day) => NaiveDate::from_ymd_opt(year, self.month, day),
            RuleDay::Weekday(n, weekday) => nth_weekday(year, self.month, weekday, n),
        }
    }
}

fn parse_by_day(text: &str) -> Option<RuleDay> {
    let split = text.len().checked_sub(2)?;
    let (count, name) = (text.get(..split)?, text.get(split..)?);
    let weekday = match name.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    let count = match count.trim_start_matches('+') {
        "" => 1,
        number => number
            .parse::<i8>()
            .ok()
            .filter(|n| *n != 0 && (-5..=5).contains(n))?,
    };
    Some(RuleDay::Weekday(count, weekday))
}

/// The n-th `weekday` of a month; n = -1 is the last one.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: i8) -> Option<NaiveDate> {
    if n > 0 {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let shift =
            (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
        let date = first + Duration::days(i64::from(shift) + 7 * i64::from(n - 1));
        (date.month() == month).then_some(date)
    } else {
        let (next_year, next_month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        let last = NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()?;
        let shift =
            (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let date = last - Duration::days(i64::from(shift) + 7 * i64::from(-n - 1));
        (date.month() == month).then_some(date)
    }
}

/// One STANDARD or DAYLIGHT block of a VTIMEZONE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observance {
    pub from: FixedOffset,
    pub to: FixedOffset,
    /// The first onset, in local time before the change (as RFC 5545 writes it).
    pub start: NaiveDateTime,
    rule: Option<YearlyRule>,
    /// Extra onsets (RDATE), local time.
    pub extra: Vec<NaiveDateTime>,
}

impl Observance {
    /// Builds an observance from its properties' raw values. `rrule` may be empty.
    pub fn new(
        from: FixedOffset,
        to: FixedOffset,
        start: NaiveDateTime,
        rrule: &str,
        extra: Vec<NaiveDateTime>,
    ) -> Self {
        Observance {
            from,
            to,
            start,
            rule: YearlyRule::parse(rrule),
            extra,
        }
    }

    /// The UTC instants at which this observance begins during `year`.
    fn onsets_in(&self, year: i32) -> Vec<NaiveDateTime> {
        let mut locals: Vec<NaiveDateTime> = Vec::new();
        if let Some(rule) = self.rule {
            if year >= self.start.year() {
                if let Some(date) = rule.date_in(year) {
                    let local = date.and_time(self.start.time());
                    if local >= self.start {
                        locals.push(local);
                    }
                }
            }
        }
        if self.start.year() == year {
            locals.push(self.start);
        }
        locals.extend(self.extra.iter().filter(|at| at.year() == year));
        locals
            .into_iter()
            .filter_map(|local| {
                local.checked_sub_signed(Duration::seconds(self.from.local_minus_utc().into()))
            })
            .collect()
    }
}

/// A zone described inside the invitation itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbeddedZone {
    pub id: String,
    pub observances: Vec<Observance>,
}

impl EmbeddedZone {
    /// The offset at a UTC instant: the latest onset at or before it wins (checking the
    /// neighbouring years, each observance's first onset and a bounded rule's last one);
    /// before every onset, the offset the earliest observance changed from.
    pub fn offset_at_utc(&self, utc: NaiveDateTime) -> Option<FixedOffset> {
        let year = utc.year();
        let mut latest: Option<(NaiveDateTime, FixedOffset)> = None;
        for observance in &self.observances {
            let mut years = vec![year - 1, year, year + 1, observance.start.year()];
            if let Some(until) = observance.rule.and_then(|rule| rule.until_year) {
                years.push(until.min(year));
            }
            for y in years {
                for onset in observance.onsets_in(y) {
                    if onset <= utc && latest.is_none_or(|(at, _)| onset > at) {
                        latest = Some((onset, observance.to));
                    }
                }
            }
        }
        if let Some((_, offset)) = latest {
            return Some(offset);
        }
        self.observances
            .iter()
            .min_by_key(|observance| observance.start)
            .map(|observance| observance.from)
    }
}

/// Microsoft's zone names (Outlook writes them as TZID) and the IANA zone each means.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kyiv"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("India Standard Time", "Asia/Kolkata"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("China Standard Time", "Asia/Shanghai"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("UTC", "UTC"),
];

/// The IANA name for a TZID as calendars write it: an IANA name, a Windows name, or an IANA
/// name behind a vendor prefix (`/mozilla.org/20070129_1/Europe/Berlin`).
pub fn iana_name(tzid: &str) -> String {
    let tzid = tzid.trim().trim_matches('"');
    if let Some((_, iana)) = WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(tzid))
    {
        return (*iana).to_string();
    }
    if tzid.starts_with('/') {
        // Keep the trailing Area/City part.
        let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
        if parts.len() >= 2 {
            return parts[parts.len() - 2..].join("/");
        }
    }
    tzid.to_string()
}

/// A daylight-saving rule of the fixed table.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// No clock changes.
    None,
    /// European Union: last Sunday of March to last Sunday of October, 01:00 UTC.
    Europe,
    /// United States since 2007: second Sunday of March 02:00 to first Sunday of November 02:00.
    UnitedStates,
    /// South-eastern Australia: first Sunday of October 02:00 to first Sunday of April 03:00.
    Australia,
}

/// A small fixed table of zones and their current rules. It is exact for the years those
/// rules have held (2007 on) and answers nothing for zones it does not list.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleTable;

const TABLE: &[(&str, i32, Rule)] = &[
    ("UTC", 0, Rule::None),
    ("Etc/UTC", 0, Rule::None),
    ("GMT", 0, Rule::None),
    ("Europe/London", 0, Rule::Europe),
    ("Europe/Dublin", 0, Rule::Europe),
    ("Europe/Lisbon", 0, Rule::Europe),
    ("Europe/Berlin", 60, Rule::Europe),
    ("Europe/Paris", 60, Rule::Europe),
    ("Europe/Amsterdam", 60, Rule::Europe),
    ("Europe/Madrid", 60, Rule::Europe),
    ("Europe/Rome", 60, Rule::Europe),
    ("Europe/Vienna", 60, Rule::Europe),
    ("Europe/Zurich", 60, Rule::Europe),
    ("Europe/Stockholm", 60, Rule::Europe),
    ("Europe/Warsaw", 60, Rule::Europe),
    ("Europe/Budapest", 60, Rule::Europe),
    ("Europe/Brussels", 60, Rule::Europe),
    ("Europe/Helsinki", 120, Rule::Europe),
    ("Europe/Bucharest", 120, Rule::Europe),
    ("Europe/Kyiv", 120, Rule::Europe),
    ("America/New_York", -300, Rule::UnitedStates),
    ("America/Toronto", -300, Rule::UnitedStates),
    ("America/Chicago", -360, Rule::UnitedStates),
    ("America/Denver", -420, Rule::UnitedStates),
    ("America/Los_Angeles", -480, Rule::UnitedStates),
    ("Asia/Tokyo", 540, Rule::None),
    ("Asia/Kolkata", 330, Rule::None),
    ("Asia/Singapore", 480, Rule::None),
    ("Asia/Shanghai", 480, Rule::None),
    ("Australia/Sydney", 600, Rule::Australia),
    ("Australia/Melbourne", 600, Rule::Australia),
];

fn minutes(offset: i32) -> Option<FixedOffset> {
    FixedOffset::east_opt(offset * 60)
}

fn at(date: Option<NaiveDate>, hour: u32, minus_minutes: i32) -> Option<NaiveDateTime> {
    date?
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0)?)
        .checked_sub_signed(Duration::minutes(minus_minutes.into()))
}

impl RuleTable {
    /// Every zone the table lists, in table order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        TABLE.iter().map(|(name, _, _)| *name)
    }
}

impl ZoneResolver for RuleTable {
    fn canonical_name(&self, zone: &str) -> Option<String> {
        TABLE
            .iter()
            .find(|(name, _, _)| name.eq_ignore_ascii_case(zone.trim()))
            .map(|(name, _, _)| (*name).to_string())
    }

    fn offset_at_utc(&self, zone: &str, utc: NaiveDateTime) -> Option<FixedOffset> {
        let (_, standard, rule) = TABLE.iter().find(|(name, _, _)| *name == zone)?;
        let year = utc.year();
        let summer = standard + 60;
        let in_summer = match rule {
            Rule::None => false,
            Rule::Europe => {
                let start = at(nth_weekday(year, 3, Weekday::Sun, -1), 1, 0)?;
                let end = at(nth_weekday(year, 10, Weekday::Sun, -1), 1, 0)?;
                utc >= start && utc < end
            }
            Rule::UnitedStates => {
                let start = at(nth_weekday(year, 3, Weekday::Sun, 2), 2, *standard)?;
                let end = at(nth_weekday(year, 11, Weekday::Sun, 1), 2, summer)?;
                utc >= start && utc < end
            }
            Rule::Australia => {
                // Southern summer spans the new year: daylight time outside April..October.
                let end = at(nth_weekday(year, 4, Weekday::Sun, 1), 3, summer)?;
                let start = at(nth_weekday(year, 10, Weekday::Sun, 1), 2, *standard)?;
                utc < end || utc >= start
            }
        };
        minutes(if in_summer { summer } else { *standard })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test moment")
    }

    fn hours(offset: Option<FixedOffset>) -> Option<f32> {
        offset.map(|o| o.local_minus_utc() as f32 / 3600.0)
    }

    #[test]
    fn nth_weekdays() {
        assert_eq!(
            nth_weekday(2026, 3, Weekday::Sun, -1),
            NaiveDate::from_ymd_opt(2026, 3, 29)
        );
        assert_eq!(
            nth_weekday(2026, 3, Weekday::Sun, 2),
            NaiveDate::from_ymd_opt(2026, 3, 8)
        );
        assert_eq!(
            nth_weekday(2026, 11, Weekday::Sun, 1),
            NaiveDate::from_ymd_opt(2026, 11, 1)
        );
        assert_eq!(nth_weekday(2026, 2, Weekday::Mon, 5), None);
    }

    #[test]
    fn table_follows_daylight_saving() {
        let table = RuleTable;
        let cases = [
            ("Europe/Berlin", "2026-03-29 00:59", 1.0),
            ("Europe/Berlin", "2026-03-29 01:00", 2.0),
            ("Europe/Berlin", "2026-10-25 00:59", 2.0),
            ("Europe/Berlin", "2026-10-25 01:00", 1.0),
            ("Europe/London", "2026-07-01 12:00", 1.0),
            ("America/New_York", "2026-03-08 06:59", -5.0),
            ("America/New_York", "2026-03-08 07:00", -4.0),
            ("America/New_York", "2026-11-01 05:59", -4.0),
            ("America/New_York", "2026-11-01 06:00", -5.0),
            ("Asia/Tokyo", "2026-07-01 00:00", 9.0),
            ("Australia/Sydney", "2026-01-15 00:00", 11.0),
            ("Australia/Sydney", "2026-04-04 15:59", 11.0),
            ("Australia/Sydney", "2026-04-04 16:00", 10.0),
            ("Australia/Sydney", "2026-10-03 15:59", 10.0),
            ("Australia/Sydney", "2026-10-03 16:00", 11.0),
        ];
        for (zone, utc, expected) in cases {
            assert_eq!(
                hours(table.offset_at_utc(zone, moment(utc))),
                Some(expected),
                "{zone} at {utc}"
            );
        }
        assert_eq!(
            table.offset_at_utc("Mars/Olympus", moment("2026-01-01 00:00")),
            None
        );
    }

    #[test]
    fn local_times_in_gaps_and_overlaps() {
        let table = RuleTable;
        let gap = table
            .offset_for_local("Europe/Berlin", moment("2026-03-29 02:30"))
            .expect("known zone");
        assert!(gap.in_gap);
        assert_eq!(gap.offset.local_minus_utc(), 3600);
        let overlap = table
            .offset_for_local("Europe/Berlin", moment("2026-10-25 02:30"))
            .expect("known zone");
        assert!(!overlap.in_gap);
        assert_eq!(overlap.offset.local_minus_utc(), 7200, "first occurrence");
        let plain = table
            .offset_for_local("America/New_York", moment("2026-07-04 09:00"))
            .expect("known zone");
        assert_eq!(plain.offset.local_minus_utc(), -4 * 3600);
    }

    #[test]
    fn tzid_spellings() {
        assert_eq!(iana_name("W. Europe Standard Time"), "Europe/Berlin");
        assert_eq!(
            iana_name("/mozilla.org/20070129_1/Europe/Berlin"),
            "Europe/Berlin"
        );
        assert_eq!(iana_name("America/New_York"), "America/New_York");
    }

    #[test]
    fn embedded_zone_rules() {
        let one = FixedOffset::east_opt(3600).expect("offset");
        let two = FixedOffset::east_opt(7200).expect("offset");
        let zone = EmbeddedZone {
            id: "Berlin".into(),
            observances: vec![
                Observance::new(
                    two,
                    one,
                    moment("1970-10-25 03:00"),
                    "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                    Vec::new(),
                ),
                Observance::new(
                    one,
                    two,
                    moment("1970-03-29 02:00"),
                    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                    Vec::new(),
                ),
            ],
        };
        for (utc, expected) in [
            ("2026-03-29 00:59", 1.0),
            ("2026-03-29 01:00", 2.0),
            ("2026-10-25 00:59", 2.0),
            ("2026-10-25 01:00", 1.0),
            ("2027-01-10 12:00", 1.0),
        ] {
            assert_eq!(
                hours(zone.offset_at_utc(moment(utc))),
                Some(expected),
                "{utc}"
            );
        }
    }
}
