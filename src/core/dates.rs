//! How dates and times are written for people ("Tue 3 Mar", "14:30") and for inputs and files
//! ("2026-03-03"), and how typed dates and times are read back.
//!
//! Written by hand instead of with chrono's `format("%a %-d %b")`: the app only ever needs these
//! few English shapes, and chrono's pattern interpreter is a large part of the first download.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// The first three letters of an English day or month name ("Tue", "Mar").
fn short(name: &str) -> &str {
    &name[..3]
}

fn push_two_digits(text: &mut String, value: u32) {
    text.push(char::from(b'0' + (value / 10 % 10) as u8));
    text.push(char::from(b'0' + (value % 10) as u8));
}

fn push_number(text: &mut String, value: i64) {
    text.push_str(&value.to_string());
}

/// "Tue".
pub fn weekday_short(date: NaiveDate) -> String {
    short(weekday_name(date)).to_string()
}

/// "Tue 3 Mar".
pub fn day_month(date: NaiveDate) -> String {
    let mut text = weekday_short(date);
    text.push(' ');
    push_number(&mut text, date.day().into());
    text.push(' ');
    text.push_str(short(month_name(date)));
    text
}

/// "Tue 3 Mar 2026".
pub fn day_month_year(date: NaiveDate) -> String {
    let mut text = day_month(date);
    text.push(' ');
    push_number(&mut text, date.year().into());
    text
}

/// "Tuesday 3 March", as a letter writes it.
pub fn long_day_month(date: NaiveDate) -> String {
    let mut text = weekday_name(date).to_string();
    text.push(' ');
    push_number(&mut text, date.day().into());
    text.push(' ');
    text.push_str(month_name(date));
    text
}

/// "3 March 2026".
pub fn long_date(date: NaiveDate) -> String {
    let mut text = String::new();
    push_number(&mut text, date.day().into());
    text.push(' ');
    text.push_str(month_name(date));
    text.push(' ');
    push_number(&mut text, date.year().into());
    text
}

/// "3 Mar 2026".
pub fn short_date(date: NaiveDate) -> String {
    let mut text = String::new();
    push_number(&mut text, date.day().into());
    text.push(' ');
    text.push_str(short(month_name(date)));
    text.push(' ');
    push_number(&mut text, date.year().into());
    text
}

/// "14:30".
pub fn clock(time: NaiveTime) -> String {
    let mut text = String::with_capacity(5);
    push_two_digits(&mut text, time.hour());
    text.push(':');
    push_two_digits(&mut text, time.minute());
    text
}

/// "14:30:05".
pub fn clock_seconds(time: NaiveTime) -> String {
    let mut text = clock(time);
    text.push(':');
    push_two_digits(&mut text, time.second());
    text
}

/// "2026-03-03": what a `date` input holds and what file names carry.
pub fn iso_date(date: NaiveDate) -> String {
    let mut text = String::with_capacity(10);
    let year = date.year();
    if (0..10_000).contains(&year) {
        push_two_digits(&mut text, year as u32 / 100);
        push_two_digits(&mut text, year as u32 % 100);
    } else {
        push_number(&mut text, year.into());
    }
    text.push('-');
    push_two_digits(&mut text, date.month());
    text.push('-');
    push_two_digits(&mut text, date.day());
    text
}

/// "2026-03-03T14:30": what a `datetime-local` input holds.
pub fn iso_minute(date: NaiveDate, time: NaiveTime) -> String {
    let mut text = iso_date(date);
    text.push('T');
    text.push_str(&clock(time));
    text
}

/// Reads "2026-03-03" (what a `date` input gives; "2026-3-3" typed by hand too); `None` for
/// anything else, impossible dates such as 31 April included.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next().filter(|part| part.len() == 4)?;
    let month = parts.next().filter(|part| (1..=2).contains(&part.len()))?;
    let day = parts.next().filter(|part| (1..=2).contains(&part.len()))?;
    NaiveDate::from_ymd_opt(digits(year)? as i32, digits(month)?, digits(day)?)
}

/// Reads "14:30" or "14:30:05" (a `time` input gives either; "9:30" typed by hand too); `None`
/// for anything else.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let mut parts = text.trim().split(':');
    let hour = parts.next().filter(|part| (1..=2).contains(&part.len()))?;
    let minute = parts.next().filter(|part| part.len() == 2)?;
    let second = match parts.next() {
        Some(part) if part.len() == 2 => digits(part)?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(digits(hour)?, digits(minute)?, second)
}

/// Reads a day of the week by its English name, short or long, in any letter case ("Mon",
/// "monday"), as stored settings name them.
pub fn parse_weekday(text: &str) -> Option<Weekday> {
    let position = WEEKDAYS.iter().position(|name| {
        name.eq_ignore_ascii_case(text) || short(name).eq_ignore_ascii_case(text)
    })?;
    Weekday::try_from(u8::try_from(position).ok()?).ok()
}

/// A run of ASCII digits as a number; `None` if anything else is in it.
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    /// Every shape agrees with chrono's own pattern on every day of four years (a leap year
    /// among them) and on every minute of a day.
    #[test]
    fn every_shape_matches_the_chrono_pattern_it_replaces() {
        let mut day = date(2024, 1, 1);
        while day < date(2028, 1, 1) {
            assert_eq!(weekday_short(day), day.format("%a").to_string());
            assert_eq!(day_month(day), day.format("%a %-d %b").to_string());
            assert_eq!(day_month_year(day), day.format("%a %-d %b %Y").to_string());
            assert_eq!(long_day_month(day), day.format("%A %-d %B").to_string());
            assert_eq!(long_date(day), day.format("%-d %B %Y").to_string());
            assert_eq!(short_date(day), day.format("%-d %b %Y").to_string());
            assert_eq!(iso_date(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(parse_iso_date(&iso_date(day)), Some(day));
            day = day.succ_opt().unwrap();
        }
        for minute in 0..24 * 60 {
            let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, minute % 60).unwrap();
            assert_eq!(clock(time), time.format("%H:%M").to_string());
            assert_eq!(clock_seconds(time), time.format("%H:%M:%S").to_string());
            assert_eq!(
                iso_minute(date(2026, 3, 3), time),
                date(2026, 3, 3)
                    .and_time(time)
                    .format("%Y-%m-%dT%H:%M")
                    .to_string()
            );
            assert_eq!(parse_clock(&clock(time)), time.with_second(0));
            assert_eq!(parse_clock(&clock_seconds(time)), Some(time));
        }
    }

    #[test]
    fn weekdays_read_as_chrono_reads_them() {
        for day in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ] {
            let short = day.to_string();
            for text in [
                short.clone(),
                short.to_uppercase(),
                long_day_month(monday_of(day)),
            ] {
                let text = text.split(' ').next().unwrap_or_default().to_string();
                assert_eq!(parse_weekday(&text), text.parse().ok(), "{text}");
                assert_eq!(parse_weekday(&text), Some(day), "{text}");
            }
        }
        for text in ["", "Mo", "Mond", "Funday", " Mon"] {
            assert_eq!(parse_weekday(text), None, "{text:?}");
        }
    }

    /// A date in the first week of March 2026 falling on `day`.
    fn monday_of(day: Weekday) -> NaiveDate {
        date(2026, 3, 2) + chrono::Days::new(day.num_days_from_monday().into())
    }

    #[test]
    fn impossible_or_malformed_input_is_not_a_date_or_a_time() {
        for text in [
            "2026-04-31",
            "2026-02-29",
            "2026-13-01",
            "2026-003-03",
            "26-03-03",
            "2026/03/03",
            "",
            "2026-03-03x",
            "+026-03-03",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text:?}");
        }
        let nine_thirty = NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(parse_clock("9:30"), nine_thirty);
        assert_eq!(parse_clock(" 09:30 "), nine_thirty);
        assert_eq!(parse_iso_date(" 2024-02-29 "), Some(date(2024, 2, 29)));
        assert_eq!(parse_iso_date("2026-3-3"), Some(date(2026, 3, 3)));
        for text in [
            "24:00",
            "009:30",
            "09:60",
            "09-30",
            "",
            "09:30:",
            "09:30:5",
            "09:30:00:00",
            "+9:30",
        ] {
            assert_eq!(parse_clock(text), None, "{text:?}");
        }
    }
}
