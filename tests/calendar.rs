//! Business calendar: weekends, holidays, working hours, bad settings and daylight saving.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use afterview::core::data::settings::Settings;
use afterview::core::planning::calendar::BusinessCalendar;
use chrono::offset::MappedLocalTime;
use chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike, Weekday,
};

fn date(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|error| panic!("bad date {text}: {error}"))
}

/// A zone at UTC+1 in winter and UTC+2 between 30 March 2025 02:00 and 26 October 2025 03:00
/// (local), like central Europe: a spring gap and an autumn overlap.
#[derive(Clone, Copy, Debug)]
struct TestZone;

fn winter() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap_or_else(|| chrono::Utc.fix())
}

fn summer() -> FixedOffset {
    FixedOffset::east_opt(7200).unwrap_or_else(|| chrono::Utc.fix())
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .unwrap_or_else(|error| panic!("bad local time {text}: {error}"))
}

impl TimeZone for TestZone {
    type Offset = FixedOffset;

    fn from_offset(_: &FixedOffset) -> Self {
        TestZone
    }

    fn offset_from_local_date(&self, _: &NaiveDate) -> MappedLocalTime<FixedOffset> {
        MappedLocalTime::Single(winter())
    }

    fn offset_from_local_datetime(&self, time: &NaiveDateTime) -> MappedLocalTime<FixedOffset> {
        let gap_start = local("2025-03-30 02:00");
        let gap_end = local("2025-03-30 03:00");
        let overlap_start = local("2025-10-26 02:00");
        let overlap_end = local("2025-10-26 03:00");
        if *time >= gap_start && *time < gap_end {
            MappedLocalTime::None
        } else if *time >= overlap_start && *time < overlap_end {
            MappedLocalTime::Ambiguous(summer(), winter())
        } else if *time >= gap_end && *time < overlap_start {
            MappedLocalTime::Single(summer())
        } else {
            MappedLocalTime::Single(winter())
        }
    }

    fn offset_from_utc_date(&self, _: &NaiveDate) -> FixedOffset {
        winter()
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
        // Switches at 01:00 UTC on both days.
        if *utc >= local("2025-03-30 01:00") && *utc < local("2025-10-26 01:00") {
            summer()
        } else {
            winter()
        }
    }
}

fn utc_moment(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|error| panic!("bad time {text}: {error}"))
}

#[test]
fn weekends_and_holidays_are_not_business_days() {
    let settings = Settings {
        holidays: vec![date("2025-12-25"), date("2025-12-26"), date("2025-12-25")],
        ..Settings::default()
    };
    let calendar = BusinessCalendar::from_settings(&settings);
    let table = [
        ("2025-12-24", true),
        ("2025-12-25", false),
        ("2025-12-26", false),
        ("2025-12-27", false),
        ("2025-12-28", false),
        ("2025-12-29", true),
    ];
    for (day, expected) in table {
        assert_eq!(calendar.is_business_day(date(day)), expected, "{day}");
    }
    let additions = [
        ("2025-12-24", 0, "2025-12-24"),
        ("2025-12-24", 1, "2025-12-29"),
        ("2025-12-27", 1, "2025-12-29"),
        ("2025-03-06", 5, "2025-03-13"),
        ("2025-03-07", 1, "2025-03-10"),
    ];
    for (from, count, expected) in additions {
        assert_eq!(
            calendar.add_business_days(date(from), count),
            date(expected),
            "{from} + {count}"
        );
    }
}

#[test]
fn working_hours_decide_the_next_business_moment() {
    let calendar = BusinessCalendar::default();
    let table = [
        // (moment, next business moment)
        ("2025-03-06T10:30:00+00:00", "2025-03-06T10:30:00+00:00"),
        ("2025-03-06T07:00:00+00:00", "2025-03-06T09:00:00+00:00"),
        ("2025-03-06T17:00:00+00:00", "2025-03-06T17:00:00+00:00"),
        ("2025-03-06T17:01:00+00:00", "2025-03-07T09:00:00+00:00"),
        ("2025-03-07T18:00:00+00:00", "2025-03-10T09:00:00+00:00"),
        ("2025-03-08T12:00:00+00:00", "2025-03-10T09:00:00+00:00"),
    ];
    for (moment, expected) in table {
        let next = calendar.next_business_moment(&utc_moment(moment));
        assert_eq!(next, utc_moment(expected), "{moment}");
        assert!(calendar.is_business_moment(&next));
    }
}

#[test]
fn unusable_settings_fall_back_to_defaults() {
    let mut settings = Settings::default();
    settings.work_days.clear();
    settings.work_start = NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default();
    settings.work_end = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default();
    assert_eq!(
        BusinessCalendar::from_settings(&settings),
        BusinessCalendar::default()
    );

    // Custom week: Sunday to Thursday.
    settings.work_days = vec![
        Weekday::Sun,
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
    ];
    let calendar = BusinessCalendar::from_settings(&settings);
    assert!(calendar.is_business_day(date("2025-03-09")));
    assert!(!calendar.is_business_day(date("2025-03-07")));
}

#[test]
fn loops_are_bounded_and_edges_of_time_do_not_panic() {
    // Every day for years declared a holiday: the search gives up instead of hanging.
    let mut settings = Settings::default();
    let start = date("2025-01-01");
    settings.holidays = start.iter_days().take(2000).collect();
    let calendar = BusinessCalendar::from_settings(&settings);
    let later = calendar.add_business_days(start, 3);
    assert!(later > start);
    let calendar = BusinessCalendar::default();
    assert_eq!(
        calendar.add_business_days(NaiveDate::MAX, 3),
        NaiveDate::MAX
    );
    let _ = calendar.next_business_moment(&utc_moment("9999-12-31T23:59:59+00:00"));
    let _ = calendar.next_business_moment(&utc_moment("0001-01-01T00:00:00+00:00"));
}

#[test]
fn daylight_saving_gap_and_overlap_resolve_sensibly() {
    let settings = Settings {
        work_days: vec![Weekday::Sun, Weekday::Mon],
        work_start: NaiveTime::from_hms_opt(2, 30, 0).unwrap_or_default(),
        ..Settings::default()
    };
    let calendar = BusinessCalendar::from_settings(&settings);

    // 02:30 does not exist on 30 March: opening moves past the gap to 03:00 summer time.
    let opening = calendar.opening_of(date("2025-03-30"), &TestZone);
    assert_eq!(opening.naive_local(), local("2025-03-30 03:00"));
    assert_eq!(opening.offset().fix(), summer());

    // 02:30 happens twice on 26 October: the earlier instant (summer time) opens the day.
    let opening = calendar.opening_of(date("2025-10-26"), &TestZone);
    assert_eq!(opening.naive_local(), local("2025-10-26 02:30"));
    assert_eq!(opening.offset().fix(), summer());

    // Saturday evening before the switch: the next opening is Sunday after the gap.
    let saturday = TestZone.from_utc_datetime(&local("2025-03-29 20:00"));
    let next = calendar.next_business_moment(&saturday);
    assert_eq!(next.naive_local(), local("2025-03-30 03:00"));
    assert_eq!(next.naive_local().hour(), 3);

    // A normal summer day keeps the summer offset.
    let closing = calendar.closing_of(date("2025-06-02"), &TestZone);
    assert_eq!(closing.naive_local(), local("2025-06-02 17:00"));
    assert_eq!(closing.offset().fix(), summer());
}
