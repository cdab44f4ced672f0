//! Reading stored timestamps by hand: RFC 3339 as the app writes it, and the other forms
//! chrono's own parser used to accept here (a space or lower-case `t` between date and time,
//! lower-case `z`, a leap second), with the same values. Written out
//! rather than handed to chrono's general parser, which is a large part of a small download.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

/// A text that is not a timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAStamp;

impl fmt::Display for NotAStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a date and time like 2026-03-04T10:00:00+01:00")
    }
}

/// Parses `YYYY-MM-DD(T| )HH:MM:SS[.fraction](Z|±HH:MM)`, letter case aside; `None` for
/// anything else or an impossible date.
fn parse_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    let bytes = text.as_bytes();
    let digits = |from: usize, count: usize| -> Option<u32> {
        let slice = bytes.get(from..from + count)?;
        slice.iter().try_fold(0u32, |value, &byte| {
            byte.is_ascii_digit()
                .then(|| value * 10 + u32::from(byte - b'0'))
        })
    };
    let is = |at: usize, byte: u8| bytes.get(at) == Some(&byte);
    let separated = matches!(bytes.get(10), Some(b'T' | b't' | b' '));
    if !(is(4, b'-') && is(7, b'-') && separated && is(13, b':') && is(16, b':')) {
        return None;
    }
    let year = i32::try_from(digits(0, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, digits(5, 2)?, digits(8, 2)?)?;
    let (hour, minute, mut second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let mut at = 19;
    let mut nanos = 0u32;
    if is(at, b'.') {
        at += 1;
        let start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        let count = at - start;
        if count == 0 || count > 9 {
            return None;
        }
        nanos = digits(start, count)? * 10u32.pow(9 - u32::try_from(count).ok()?);
    }
    // A leap second is second 59 running on past its billionth nanosecond, as chrono keeps it.
    if second == 60 {
        second = 59;
        nanos += 1_000_000_000;
    }
    let offset_seconds = match bytes.get(at)? {
        b'Z' | b'z' if at + 1 == bytes.len() => 0,
        sign @ (b'+' | b'-') if at + 6 == bytes.len() && is(at + 3, b':') => {
            if digits(at + 4, 2)? > 59 {
                return None;
            }
            let seconds =
                i32::try_from(digits(at + 1, 2)? * 3600 + digits(at + 4, 2)? * 60).ok()?;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let local = date.and_time(NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?);
    local
        .checked_sub_offset(offset)
        .map(|utc| DateTime::from_naive_utc_and_offset(utc, offset))
}

/// Reads a stored timestamp.
pub fn parse(text: &str) -> Result<DateTime<FixedOffset>, NotAStamp> {
    parse_rfc3339(text).ok_or(NotAStamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path gives exactly chrono's value, for every form the app writes.
    #[test]
    fn written_forms_read_as_chrono_reads_them() {
        for text in [
            "2026-03-04T10:00:00+01:00",
            "2026-03-04T10:00:00Z",
            "2026-03-04T10:00:00+00:00",
            "2026-03-04T23:30:00-09:30",
            "1900-01-01T00:00:00+14:00",
            "2200-12-31T23:59:59.123-05:00",
            "2024-02-29T12:00:00.123456+05:45",
            "2024-02-29T12:00:00.123456789+05:45",
            "2024-02-29T12:00:00.1Z",
        ] {
            let fast = parse(text).unwrap_or_else(|_| panic!("{text}"));
            let chrono: DateTime<FixedOffset> = text.parse().unwrap();
            assert_eq!(fast, chrono, "{text}");
            assert_eq!(fast.offset(), chrono.offset(), "{text}");
        }
    }

    /// Other forms chrono's parser accepted still read, with chrono's value; what it refuses
    /// stays refused.
    #[test]
    fn other_forms_chrono_accepts_read_as_chrono_reads_them() {
        for text in [
            "2026-03-04 10:00:00+01:00",
            "2026-03-04t10:00:00z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5+01:00",
            "2026-03-04T10:00:00-00:00",
        ] {
            let chrono: DateTime<FixedOffset> = text.parse().unwrap();
            assert_eq!(parse(text), Ok(chrono), "{text}");
            assert_eq!(parse(text).unwrap().offset(), chrono.offset(), "{text}");
        }
        for text in [
            "2026-02-30T10:00:00Z",
            "2026-03-04T24:00:00Z",
            "2026-03-04T10:00:00",
            "2026-03-04T10:00:00+25:00",
            "2026-03-04T10:00:00.Z",
            "2026-03-04T10:00:00Zjunk",
            "2026-03-04T10:00:00+01:00:30",
            "2026-03-04T10:00:00+01:60",
            "not a date",
            "",
        ] {
            assert!(parse(text).is_err(), "{text}");
            assert!(text.parse::<DateTime<FixedOffset>>().is_err(), "{text}");
        }
    }

    #[test]
    fn reads_values_and_refuses_other_text_saying_what_a_timestamp_looks_like() {
        use crate::core::data::json::Reader;
        let at = Reader::new(r#""2026-03-04T10:00:00+01:00""#)
            .stamp()
            .unwrap();
        assert_eq!(at.to_rfc3339(), "2026-03-04T10:00:00+01:00");
        let at = Reader::new(r#""2026-03-04 10:00:00Z""#).stamp().unwrap();
        assert_eq!(at.to_rfc3339(), "2026-03-04T10:00:00+00:00");
        let error = Reader::new(r#""yesterday""#)
            .stamp()
            .unwrap_err()
            .to_string();
        assert!(error.contains("2026-03-04T10:00:00+01:00"), "{error}");
        assert!(error.contains("\"yesterday\""), "{error}");
        assert!(Reader::new("12").stamp().is_err());
    }
}
