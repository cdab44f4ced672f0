//! Reading a pasted interview email with fixed rules (no model): the date and time, the
//! people the user will meet, a meeting link and a phone number. What it cannot find it
//! leaves empty and says so.

use chrono::{
    Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday,
};

use super::guess;
use super::{
    assemble, InvitationPrefill, InviteContext, InviteError, Moment, Outcome, Person, RoundDraft,
    Source,
};
use crate::core::app::contacts_form::{ContactDraft, PointChoice};
use crate::core::data::model::{ContactRole, RoundFormat};
use crate::core::planning::calendar::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::core::writing::proofread::names::fold;

/// Words that name a video meeting even when the email carries no link.
const VIDEO_WORDS: [&str; 9] = [
    "video interview",
    "video call",
    "microsoft teams",
    "via teams",
    "on teams",
    "zoom",
    "google meet",
    "webex",
    "video conference",
];

/// What the rules found in one email. Empty fields were not found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmailFacts {
    pub subject: String,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// The zone named beside the time: an IANA name or a fixed offset such as `+01:00`.
    pub zone: Option<String>,
    /// The people the user will meet: (name, title, email).
    pub people: Vec<(String, String, String)>,
    /// The person who wrote (from the signature or the From header): (name, email).
    pub sender: Option<(String, String)>,
    /// The writer's job title from the signature; empty when none is written.
    pub sender_title: String,
    pub link: String,
    pub phone: String,
    /// The day relative words ("tomorrow") counted from.
    pub reference: Option<NaiveDate>,
}

/// Zone words people write after a time, and what they mean.
const ZONE_WORDS: &[(&str, &str)] = &[
    ("cet", "Europe/Berlin"),
    ("cest", "Europe/Berlin"),
    ("berlin", "Europe/Berlin"),
    ("paris", "Europe/Paris"),
    ("amsterdam", "Europe/Amsterdam"),
    ("gmt", "UTC"),
    ("utc", "UTC"),
    ("bst", "Europe/London"),
    ("uk", "Europe/London"),
    ("london", "Europe/London"),
    ("est", "America/New_York"),
    ("edt", "America/New_York"),
    ("et", "America/New_York"),
    ("eastern", "America/New_York"),
    ("cst", "America/Chicago"),
    ("cdt", "America/Chicago"),
    ("ct", "America/Chicago"),
    ("central", "America/Chicago"),
    ("pst", "America/Los_Angeles"),
    ("pdt", "America/Los_Angeles"),
    ("pt", "America/Los_Angeles"),
    ("pacific", "America/Los_Angeles"),
    ("jst", "Asia/Tokyo"),
    ("tokyo", "Asia/Tokyo"),
    ("aest", "Australia/Sydney"),
    ("aedt", "Australia/Sydney"),
    ("sydney", "Australia/Sydney"),
];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .position(|m| *m == word || (m.starts_with(word) && (word.len() == 3 || word == "sept")))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday(word: &str) -> Option<Weekday> {
    let names = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];
    let word = word.trim_end_matches('.');
    names
        .iter()
        .find(|(short, _)| {
            word == *short
                || (word.starts_with(short)
                    && matches!(
                        word,
                        "monday"
                            | "tuesday"
                            | "tues"
                            | "wednesday"
                            | "thursday"
                            | "thur"
                            | "thurs"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    ))
        })
        .map(|(_, day)| *day)
}

/// One piece of text.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A number and how many digits it had.
    Num(u32, usize),
    /// `14:30` or `2.30`.
    Time(u32, u32),
    /// `03/03/2026`, `2026-03-03`, `3.3.26`: the three numbers in written order, the separator.
    Numeric(u32, u32, Option<i32>, char, bool),
    Word(String),
    Sym(char),
    Break,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            out.push(Tok::Break);
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            // One kind of separator per chunk: "16:30-17:00" is two times, not one number.
            let mut separator: Option<char> = None;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ':' | '.' | '/' | '-')
                        && separator.is_none_or(|s| s == chars[i])
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                if !chars[i].is_ascii_digit() {
                    separator = Some(chars[i]);
                }
                i += 1;
            }
            let chunk: String = chars[start..i].iter().collect();
            let day_month = separator == Some('.')
                && chars.get(i) == Some(&'.')
                && !chars.get(i + 1).is_some_and(char::is_ascii_digit);
            out.extend(classify_number(&chunk, day_month));
            // "14h30", "3rd", "9am": letters glued to the number.
            if i < chars.len()
                && chars[i] == 'h'
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            {
                let mut j = i + 1;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                let minutes: String = chars[i + 1..j].iter().collect();
                if let (Some(Tok::Num(h, _)), Ok(m)) = (out.last(), minutes.parse::<u32>()) {
                    let h = *h;
                    out.pop();
                    out.push(Tok::Time(h, m));
                }
                i = j;
            }
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || chars[i] == '\''
                    || chars[i] == '’'
                    || (chars[i] == '.'
                        && i - start <= 2
                        && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())))
            {
                i += 1;
            }
            let word: String = chars[start..i]
                .iter()
                .collect::<String>()
                .to_lowercase()
                .replace('’', "'");
            let word = word.strip_suffix("'s").map_or(word.clone(), str::to_string);
            out.push(Tok::Word(word));
        } else {
            out.push(Tok::Sym(c));
            i += 1;
        }
    }
    out
}

fn classify_number(chunk: &str, day_month: bool) -> Vec<Tok> {
    let parts: Vec<&str> = chunk.split([':', '.', '/', '-']).collect();
    let sep = chunk.chars().find(|c| !c.is_ascii_digit()).unwrap_or(' ');
    let nums: Vec<Option<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    if parts.len() == 2 {
        if let (Some(a), Some(b)) = (nums[0], nums[1]) {
            // "24.03." is the 24th of March; "10-11" is a range of hours.
            if day_month {
                return vec![Tok::Numeric(a, b, None, '.', false)];
            }
            if sep == '-' {
                return vec![
                    Tok::Num(a, parts[0].len()),
                    Tok::Sym('-'),
                    Tok::Num(b, parts[1].len()),
                ];
            }
        }
    }
    vec![match (parts.len(), sep) {
        (1, _) => Tok::Num(nums[0].unwrap_or(0), parts[0].len()),
        (2, ':' | '.') => match (nums[0], nums[1]) {
            (Some(h), Some(m)) if h <= 24 && m <= 59 && parts[1].len() == 2 => Tok::Time(h, m),
            _ => Tok::Num(0, 0),
        },
        (2, '/') => match (nums[0], nums[1]) {
            (Some(a), Some(b)) => Tok::Numeric(a, b, None, '/', false),
            _ => Tok::Num(0, 0),
        },
        (3, _) => match (nums[0], nums[1], nums[2]) {
            (Some(a), Some(b), Some(c)) if parts[0].len() == 4 => {
                Tok::Numeric(b, c, i32::try_from(a).ok(), sep, true)
            }
            (Some(a), Some(b), Some(c)) => {
                let year = if parts[2].len() == 2 { c + 2000 } else { c };
                Tok::Numeric(a, b, i32::try_from(year).ok(), sep, false)
            }
            _ => Tok::Num(0, 0),
        },
        _ => Tok::Num(0, 0),
    }]
}

/// A date found and where its tokens end.
struct Found<T> {
    value: T,
    at: usize,
    end: usize,
}

fn word(tokens: &[Tok], i: usize) -> Option<&str> {
    match tokens.get(i) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn is_sym(tokens: &[Tok], i: usize, wanted: &[char]) -> bool {
    matches!(tokens.get(i), Some(Tok::Sym(c)) if wanted.contains(c))
}

/// A day of the month as a number or an ordinal ("3", "3rd").
fn day_number(tokens: &[Tok], i: usize) -> Option<(u32, usize)> {
    match tokens.get(i) {
        Some(Tok::Num(n, len)) if *len <= 2 && (1..=31).contains(n) => {
            let next = if matches!(word(tokens, i + 1), Some("st" | "nd" | "rd" | "th")) {
                i + 2
            } else {
                i + 1
            };
            Some((*n, next))
        }
        _ => None,
    }
}

fn year_number(tokens: &[Tok], i: usize) -> Option<(i32, usize)> {
    let i = if is_sym(tokens, i, &[',']) { i + 1 } else { i };
    match tokens.get(i) {
        Some(Tok::Num(n, 4)) if (1970..=2200).contains(n) => Some((i32::try_from(*n).ok()?, i + 1)),
        _ => None,
    }
}

/// Picks the year for a day written without one: the next such day from the reference,
/// allowing a month back (an email about last week's interview).
fn infer_year(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(reference.year(), month, day);
    match this {
        Some(date) if date >= reference - Duration::days(30) => Some(date),
        _ => NaiveDate::from_ymd_opt(reference.year() + 1, month, day),
    }
}

fn next_weekday(reference: NaiveDate, day: Weekday) -> NaiveDate {
    let mut date = reference + Duration::days(1);
    while date.weekday() != day {
        date += Duration::days(1);
    }
    date
}

/// The date starting at token `i`, if one does.
fn date_at(tokens: &[Tok], i: usize, reference: NaiveDate) -> Option<Found<NaiveDate>> {
    let found = |value, end| Some(Found { value, at: i, end });
    match tokens.get(i)? {
        Tok::Numeric(a, b, year, sep, iso) => {
            let (a, b) = (*a, *b);
            let (day, month) = if *iso {
                (b, a)
            } else if a > 12 {
                (a, b)
            } else if b > 12 && *sep == '/' {
                (b, a)
            } else {
                (a, b)
            };
            let date = match year {
                Some(y) => NaiveDate::from_ymd_opt(*y, month, day),
                None => infer_year(reference, month, day),
            }?;
            found(date, i + 1)
        }
        Tok::Num(..) => {
            let (day, next) = day_number(tokens, i)?;
            let next = if word(tokens, next) == Some("of") {
                next + 1
            } else {
                next
            };
            let month = month_number(word(tokens, next)?)?;
            let next = if is_sym(tokens, next + 1, &['.']) {
                next + 2
            } else {
                next + 1
            };
            match year_number(tokens, next) {
                Some((year, end)) => found(NaiveDate::from_ymd_opt(year, month, day)?, end),
                None => found(infer_year(reference, month, day)?, next),
            }
        }
        Tok::Word(w) => {
            if let Some(month) = month_number(w) {
                // "May" alone is too often the verb: require a day after it.
                let next = if is_sym(tokens, i + 1, &['.']) {
                    i + 2
                } else {
                    i + 1
                };
                let (day, next) = day_number(tokens, next)?;
                if matches!(tokens.get(next), Some(Tok::Sym(':')) | Some(Tok::Time(..))) {
                    return None;
                }
                return match year_number(tokens, next) {
                    Some((year, end)) => found(NaiveDate::from_ymd_opt(year, month, day)?, end),
                    None => found(infer_year(reference, month, day)?, next),
                };
            }
            match w.as_str() {
                "today" => return found(reference, i + 1),
                "tomorrow" => return found(reference + Duration::days(1), i + 1),
                "day"
                    if word(tokens, i + 1) == Some("after")
                        && word(tokens, i + 2) == Some("tomorrow") =>
                {
                    return found(reference + Duration::days(2), i + 3)
                }
                "next" | "this" | "coming" => {
                    let day = weekday(word(tokens, i + 1)?)?;
                    return found(next_weekday(reference, day), i + 2);
                }
                _ => {}
            }
            if let Some(day) = weekday(w) {
                // "Tuesday, 3 March": the explicit date wins.
                let next = if is_sym(tokens, i + 1, &[',']) {
                    i + 2
                } else {
                    i + 1
                };
                let next = if word(tokens, next) == Some("the") {
                    next + 1
                } else {
                    next
                };
                if let Some(explicit) = date_at(tokens, next, reference) {
                    return found(explicit.value, explicit.end);
                }
                return found(next_weekday(reference, day), i + 1);
            }
            None
        }
        _ => None,
    }
}

/// A time of day starting at token `i`, with whether it carried am/pm.
fn time_at(tokens: &[Tok], i: usize) -> Option<Found<(NaiveTime, bool)>> {
    let (hour, minute, next, bare) = match tokens.get(i)? {
        Tok::Time(h, m) => (*h, *m, i + 1, false),
        Tok::Num(h, len) if *len <= 2 && *h <= 24 => (*h, 0, i + 1, true),
        Tok::Word(w) if w == "noon" || w == "midday" => {
            return Some(Found {
                value: (NaiveTime::from_hms_opt(12, 0, 0)?, true),
                at: i,
                end: i + 1,
            })
        }
        _ => return None,
    };
    let marker = match word(tokens, next) {
        Some("am" | "a.m") => Some(false),
        Some("pm" | "p.m") => Some(true),
        _ => None,
    };
    let (hour, end) = match marker {
        Some(pm) => {
            if hour == 0 || hour > 12 {
                return None;
            }
            let end = if is_sym(tokens, next + 1, &['.']) {
                next + 2
            } else {
                next + 1
            };
            (if pm { hour % 12 + 12 } else { hour % 12 }, end)
        }
        None if bare => {
            if hour == 12 && matches!(word(tokens, next), Some("noon" | "midday")) {
                return Some(Found {
                    value: (NaiveTime::from_hms_opt(12, 0, 0)?, true),
                    at: i,
                    end: next + 1,
                });
            }
            // "8-9am": the end's marker covers a bare start.
            let connector =
                is_sym(tokens, next, &['-', '–']) || matches!(word(tokens, next), Some("to"));
            let range_marker = match (connector, tokens.get(next + 1), word(tokens, next + 2)) {
                (true, Some(Tok::Num(..)), Some("am")) => Some(false),
                (true, Some(Tok::Num(..)), Some("pm")) => Some(true),
                _ => None,
            };
            if let Some(pm) = range_marker.filter(|_| (1..=12).contains(&hour)) {
                let hour = if pm { hour % 12 + 12 } else { hour % 12 };
                return Some(Found {
                    value: (NaiveTime::from_hms_opt(hour, 0, 0)?, true),
                    at: i,
                    end: next,
                });
            }
            // A bare hour is a time only after "at" or "from" ("tomorrow at 10"); 1 to 7 is
            // afternoon, as nobody is interviewed at 3 in the morning.
            let before = i.checked_sub(1).and_then(|b| word(tokens, b));
            if !matches!(before, Some("at" | "from" | "um" | "à"))
                || matches!(tokens.get(next), Some(Tok::Word(w)) if month_number(w).is_some())
            {
                return None;
            }
            (
                if (1..=7).contains(&hour) {
                    hour + 12
                } else {
                    hour
                },
                next,
            )
        }
        None => (hour, next),
    };
    let end = if word(tokens, end) == Some("o'clock") {
        end + 1
    } else {
        end
    };
    Some(Found {
        value: (
            NaiveTime::from_hms_opt(hour % 24, minute, 0)?,
            marker.is_some(),
        ),
        at: i,
        end,
    })
}

/// The end of a range right after a start time: "– 3:30 pm", "to 15:00", "until 11".
fn range_end(
    tokens: &[Tok],
    i: usize,
    start: NaiveTime,
    start_marked: bool,
) -> Option<(NaiveTime, NaiveTime, usize)> {
    let connector = is_sym(tokens, i, &['-', '–', '—'])
        || matches!(word(tokens, i), Some("to" | "until" | "till" | "and"));
    if !connector {
        return None;
    }
    let found = match tokens.get(i + 1) {
        Some(Tok::Num(h, len)) if *len <= 2 && *h <= 24 => {
            // A bare hour after a connector is a time too ("10 to 11").
            let marker = match word(tokens, i + 2) {
                Some("am") => Some(false),
                Some("pm") => Some(true),
                _ => None,
            };
            let hour = match marker {
                Some(pm) if (1..=12).contains(h) => {
                    if pm {
                        h % 12 + 12
                    } else {
                        h % 12
                    }
                }
                _ => *h,
            };
            Found {
                value: (NaiveTime::from_hms_opt(hour % 24, 0, 0)?, marker.is_some()),
                at: i + 1,
                end: i + 2 + usize::from(marker.is_some()),
            }
        }
        _ => time_at(tokens, i + 1)?,
    };
    let (mut end, end_marked) = found.value;
    let mut start = start;
    // "2:30 pm–3:15": the start's marker also covers the end.
    if !end_marked && start_marked && end < start && end.hour_of_day() + 12 < 24 {
        end += Duration::hours(12);
    }
    // "2:30–3:15 pm": the end's marker also covers the start.
    if end_marked && !start_marked && start.hour_of_day() < 12 && end.hour_of_day() >= 12 {
        let afternoon = start + Duration::hours(12);
        if afternoon < end {
            start = afternoon;
        }
    }
    (end > start).then_some((start, end, found.end))
}

trait HourOfDay {
    fn hour_of_day(&self) -> u32;
}

impl HourOfDay for NaiveTime {
    fn hour_of_day(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
}

/// "for 45 minutes", "(60 min)", "1 hour", "an hour", "90-minute".
fn duration_in(tokens: &[Tok]) -> Option<Duration> {
    for (i, tok) in tokens.iter().enumerate() {
        let unit = |j: usize| match word(tokens, j) {
            Some("minutes" | "minute" | "mins" | "min") => Some(60),
            Some("hours" | "hour" | "hrs" | "hr" | "h") => Some(3600),
            _ => None,
        };
        match tok {
            Tok::Num(n, _) if (1..=240).contains(n) => {
                let j = if is_sym(tokens, i + 1, &['-']) {
                    i + 2
                } else {
                    i + 1
                };
                if let Some(seconds) = unit(j) {
                    let total = i64::from(*n) * seconds;
                    if (10 * 60..=6 * 3600).contains(&total) {
                        return Some(Duration::seconds(total));
                    }
                }
            }
            Tok::Word(w) if (w == "an" || w == "one") && word(tokens, i + 1) == Some("hour") => {
                return Some(Duration::hours(1));
            }
            Tok::Word(w)
                if w == "half"
                    && word(tokens, i + 1) == Some("an")
                    && word(tokens, i + 2) == Some("hour") =>
            {
                return Some(Duration::minutes(30));
            }
            _ => {}
        }
    }
    None
}

/// A zone named within a few tokens after the time.
fn zone_after(tokens: &[Tok], from: usize) -> Option<String> {
    let mut i = from;
    let stop = (from + 4).min(tokens.len());
    while i < stop {
        match &tokens[i] {
            Tok::Word(w) => {
                if w == "utc" || w == "gmt" {
                    if let (Some(Tok::Sym(sign @ ('+' | '-'))), Some(Tok::Num(h, _))) =
                        (tokens.get(i + 1), tokens.get(i + 2))
                    {
                        if *h <= 14 {
                            let sign = if *sign == '+' { '+' } else { '-' };
                            return Some(format!("{sign}{h:02}:00"));
                        }
                    }
                }
                if w == "gmt" && is_sym(tokens, i + 1, &['/']) && word(tokens, i + 2) == Some("bst")
                {
                    return Some("Europe/London".into());
                }
                if let Some((_, zone)) = ZONE_WORDS.iter().find(|(name, _)| name == w) {
                    return Some((*zone).to_string());
                }
                if !matches!(
                    w.as_str(),
                    "time" | "your" | "local" | "the" | "in" | "noon"
                ) {
                    return None;
                }
            }
            Tok::Sym('(' | ')' | ',') => {}
            _ => return None,
        }
        i += 1;
    }
    None
}

/// Words after which a date is a deadline or a past event, not the interview.
const NOT_THE_INTERVIEW: &[&str] = &[
    "by", "before", "deadline", "wrote", "sent", "until", "applied", "received",
];

/// Finds the interview's date, start, end and zone.
fn when(
    text: &str,
    reference: NaiveDate,
) -> (
    Option<NaiveDate>,
    Option<NaiveTime>,
    Option<NaiveTime>,
    Option<String>,
) {
    let tokens = tokenize(text);
    let mut dates: Vec<Found<NaiveDate>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(found) = date_at(&tokens, i, reference) {
            let previous = i.checked_sub(1).and_then(|p| word(&tokens, p));
            let next = word(&tokens, found.end);
            let excluded = previous.is_some_and(|w| NOT_THE_INTERVIEW.contains(&w))
                || next.is_some_and(|w| w == "wrote");
            let end = found.end.max(i + 1);
            if !excluded && dates.len() < MAX_FOUND {
                dates.push(found);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    let mut times: Vec<TimeFound> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if dates.iter().any(|d| i >= d.at && i < d.end) {
            i += 1;
            continue;
        }
        if let Some(mut found) = time_at(&tokens, i) {
            let (start, marked) = found.value;
            let (end, after) = match range_end(&tokens, found.end, start, marked) {
                Some((start, end, after)) => {
                    found.value.0 = start;
                    (Some(end), after)
                }
                None => (None, found.end),
            };
            let zone = zone_after(&tokens, after).or_else(|| zone_after(&tokens, found.end));
            let next = after;
            if times.len() < MAX_FOUND {
                times.push(TimeFound { found, end, zone });
            }
            i = next;
        } else {
            i += 1;
        }
    }
    // The interview is the first date with a time close by (same sentence, either side).
    let near = |a: usize, b: usize| {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        hi - lo <= 14
            && !tokens[lo..hi]
                .iter()
                .any(|t| matches!(t, Tok::Sym('.' | '?' | '!')))
    };
    let mut pick: Option<(&Found<NaiveDate>, &TimeFound)> = None;
    'outer: for date in &dates {
        for time in &times {
            if near(date.at, time.found.at) || near(date.end, time.found.at) {
                pick = Some((date, time));
                break 'outer;
            }
        }
    }
    let duration = duration_in(&tokens);
    // A stated length gives the end when no range did.
    let end_of = |time: &TimeFound| {
        let start = time.found.value.0;
        time.end
            .or_else(|| duration.map(|d| start + d).filter(|end| *end > start))
    };
    match pick {
        Some((date, time)) => (
            Some(date.value),
            Some(time.found.value.0),
            end_of(time),
            time.zone.clone(),
        ),
        None => {
            let time = times.first();
            (
                dates.first().map(|d| d.value),
                time.map(|t| t.found.value.0),
                time.and_then(end_of),
                time.and_then(|t| t.zone.clone()),
            )
        }
    }
}

/// A time found in the text, with the end of its range and the zone written after it.
struct TimeFound {
    found: Found<(NaiveTime, bool)>,
    end: Option<NaiveTime>,
    zone: Option<String>,
}

/// Splits headers (when the text starts with them) from the body.
fn split_headers(text: &str) -> (Vec<(String, String)>, &str) {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut offset = 0;
    let mut seen_any = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            if seen_any {
                offset += line.len();
                break;
            }
            offset += line.len();
            continue;
        }
        if seen_any && line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(trimmed.trim());
            }
            offset += line.len();
            continue;
        }
        match trimmed.split_once(':') {
            Some((key, value))
                if !key.is_empty()
                    && key.len() <= 30
                    && key.chars().all(|c| c.is_ascii_alphabetic() || c == '-') =>
            {
                let key = key.to_ascii_lowercase();
                if !seen_any
                    && !matches!(
                        key.as_str(),
                        "from" | "to" | "date" | "subject" | "cc" | "sent"
                    )
                {
                    return (Vec::new(), text);
                }
                seen_any = true;
                headers.push((key, value.trim().to_string()));
                offset += line.len();
            }
            _ => {
                if seen_any {
                    break;
                }
                return (Vec::new(), text);
            }
        }
    }
    if headers.is_empty() {
        return (Vec::new(), text);
    }
    (headers, &text[offset.min(text.len())..])
}

/// "Name <addr>" or a bare address.
fn mailbox(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if let (Some(open), Some(close)) = (text.find('<'), text.rfind('>')) {
        if open < close {
            let address = text[open + 1..close].trim().to_ascii_lowercase();
            let name = text[..open].trim().trim_matches('"').trim().to_string();
            return crate::core::app::form::looks_like_email(&address).then_some((name, address));
        }
    }
    let address = text
        .trim_matches(['(', ')', '<', '>', ',', ';', '.'])
        .to_ascii_lowercase();
    crate::core::app::form::looks_like_email(&address).then(|| (String::new(), address))
}

/// Every email address in the text, with a name written just before it ("Dana Lee <dana@…>").
fn addresses(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (index, _) in text.match_indices('@') {
        // An address has a letter or digit on both sides of its '@'.
        let before_ok = text[..index]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'));
        let after_ok = text[index + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if !before_ok || !after_ok {
            continue;
        }
        // Addresses and the names before them are short: look no further than a window.
        let from = back_to_boundary(text, index.saturating_sub(WINDOW));
        let to = back_to_boundary(text, (index + WINDOW).min(text.len()));
        let start = text[from..index]
            .rfind(|c: char| c.is_whitespace() || matches!(c, '<' | '(' | ':' | ',' | ';' | '['))
            .map_or(from, |s| from + s + 1);
        let end = text[index..to]
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ',' | ';' | ']'))
            .map_or(to, |e| index + e);
        let address = text[start..end].trim_end_matches('.').to_ascii_lowercase();
        if !crate::core::app::form::looks_like_email(&address) {
            continue;
        }
        let before = text[from..start].trim_end_matches(['<', '(', ' ', '[']);
        let line_start = before.rfind(['\n', ',', ';', ':']).map_or(0, |s| s + 1);
        let name = before[line_start..].trim().trim_matches('"').trim();
        let name = leading_name(name).unwrap_or_default();
        if !out.iter().any(|(_, a)| *a == address) {
            out.push((name, address));
            if out.len() >= MAX_FOUND {
                break;
            }
        }
    }
    out
}

/// Lower case with every byte offset kept, so a match in it indexes the original text
/// (characters whose lower case is longer stay as they are).
fn lower_in_place(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// How far (in bytes) a rule looks around a match: names, addresses and sentences are short,
/// and a bound keeps hostile text from costing time.
const WINDOW: usize = 600;
/// At most this many places a trigger phrase occurs are read, per phrase.
const MAX_MATCHES: usize = 50;
/// An email is read up to this many characters: announcements are a few kilobytes, and a
/// long pasted thread has the newest message first.
pub const MAX_EMAIL_CHARS: usize = 50_000;
/// At most this many dates, times, people and addresses are collected from one email.
const MAX_FOUND: usize = 300;

/// The nearest char boundary at or before `index`.
fn back_to_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Whether `lower` (lower case) cannot start a person's name.
fn is_not_a_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower) || WEEKDAY_NAMES.contains(&lower)
}

/// Words that cannot start a person's name (weekdays aside).
const NOT_NAMES: &[&str] = &[
    "the",
    "our",
    "your",
    "a",
    "an",
    "team",
    "hiring",
    "engineering",
    "head",
    "senior",
    "staff",
    "we",
    "i",
    "you",
    "please",
    "hi",
    "hello",
    "dear",
    "thanks",
    "thank",
    "best",
    "regards",
    "interview",
    "meeting",
    "zoom",
    "google",
    "microsoft",
    "teams",
    "this",
    "that",
    "it",
    "on",
    "at",
    "join",
    "video",
    "call",
    "room",
    "reception",
    "product",
    "design",
    "director",
    "manager",
    "recruiter",
    "recruiting",
    "talent",
    "people",
    "hr",
    "cto",
    "ceo",
    "vp",
    "lead",
    "and",
];

/// Name particles written in lower case.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "von", "da", "di", "le", "la", "del", "dos", "bin", "al", "ten",
];

/// The person's name at the start of a phrase: two to four capitalised words (particles and
/// initials allowed), honorifics dropped.
fn leading_name(phrase: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut title: Option<&str> = None;
    for (index, raw) in phrase.split_whitespace().enumerate() {
        // A bracket or an address after the name starts its title or address.
        if raw.starts_with(['(', '<', '[']) {
            break;
        }
        let word = raw
            .trim_end_matches([',', ';', ':', ')', '.'])
            .trim_start_matches(['(', '"']);
        // Courtesy titles go; earned ones stay, since the greeting uses them ("Dear Dr Ahn").
        if index == 0 && matches!(word, "Mr" | "Ms" | "Mrs" | "Mx") {
            continue;
        }
        if index == 0 && matches!(word, "Dr" | "Prof") {
            title = Some(word);
            continue;
        }
        let Some(first) = word.chars().next() else {
            break;
        };
        let is_capital = first.is_uppercase()
            && word
                .chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
        let is_initial = word.len() == 1 && first.is_uppercase();
        let lower = word.to_lowercase();
        if words.is_empty() && is_not_a_name(&lower) {
            return None;
        }
        if is_capital || is_initial || (!words.is_empty() && PARTICLES.contains(&word)) {
            if is_capital && word.chars().count() > 1 && word.chars().all(char::is_uppercase) {
                break;
            }
            words.push(word);
            if raw.ends_with([',', ';', ':', ')']) || words.len() == 4 {
                break;
            }
        } else {
            break;
        }
    }
    while words.last().is_some_and(|w| PARTICLES.contains(w)) {
        words.pop();
    }
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| !is_not_a_name(&w.to_lowercase()))
        .collect();
    (words.len() >= 2).then(|| match title {
        Some(title) => format!("{title} {}", words.join(" ")),
        None => words.join(" "),
    })
}

/// Whether an address reads as this person's: "ana-sofia.nunez@" or "anunez@" for
/// "Ana-Sofía Núñez" (accents folded, since addresses rarely carry them).
fn address_matches(name: &str, address: &str) -> bool {
    let folded = |text: &str| -> String { fold(text).into_iter().collect() };
    let local = folded(address.split('@').next().unwrap_or(""));
    let words: Vec<String> = untitled(name).split_whitespace().map(folded).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    (local.contains(first.as_str()) && local.contains(last.as_str()))
        || first
            .chars()
            .next()
            .is_some_and(|initial| local == format!("{initial}{last}"))
}

/// A name without the title it may start with, for matching it against an address.
fn untitled(name: &str) -> &str {
    ["Dr ", "Prof "]
        .iter()
        .find_map(|title| name.strip_prefix(title))
        .unwrap_or(name)
}

/// Phrases that introduce the people the user will meet.
const MEET_PHRASES: &[&str] = &[
    "you'll meet",
    "you will meet",
    "you'll be meeting",
    "you will be meeting",
    "you'll speak with",
    "you will speak with",
    "you'll be speaking with",
    "you will be speaking with",
    "you'll talk to",
    "you'll be talking to",
    "you will be talking to",
    "you will talk to",
    "you'll be interviewed by",
    "you will be interviewed by",
    "interviewed by",
    "interview with",
    "interviewers:",
    "interviewer:",
    "panel:",
    "conversation with",
    "call with",
    "chat with",
    "meeting with",
    "joined by",
    "will be joined by",
    "speak with",
    "meet with",
    "your interviewers are",
    "your interviewer is",
    "your interviewer will be",
    "your interviewers will be",
    "sit down with",
    "with",
    "joining:",
    "participants:",
    "join",
    "works for",
    "the panel will be",
    "avec",
    "mit",
];

/// Phrases that follow the name of someone who will talk with the user
/// ("Lucas Martin will call you").
const AFTER_NAME_PHRASES: &[&str] = &[
    "will call you",
    "will phone you",
    "will ring you",
    "will give you a call",
    "will be calling",
    "will dial",
    "would like to call",
    "would like to interview",
    "would love to chat",
    "would like to chat",
    "will be your interviewer",
    "will interview you",
    "will be interviewing",
    "will join",
    "will run",
    "te llamará",
];

/// The people named after "you'll meet" and the like, or before "will call you", with titles
/// and addresses.
fn met_people(body: &str) -> Vec<(String, String, String)> {
    let lower = lower_in_place(body);
    let mut people: Vec<(String, String, String)> = Vec::new();
    for phrase in MEET_PHRASES {
        for (at, _) in lower.match_indices(phrase).take(MAX_MATCHES) {
            let start = at + phrase.len();
            // Whole words only: "with" inside "within" is not the trigger.
            let before_ok = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[start..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !body.is_char_boundary(start) || !before_ok || !after_ok {
                continue;
            }
            let rest = &body[start..];
            let opened = rest.trim_start_matches([' ', '\t']).starts_with(':');
            let trimmed = rest.trim_start_matches([' ', '\t', ':']);
            let next_line = trimmed
                .lines()
                .skip(1)
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            let list = if trimmed.starts_with(['\r', '\n'])
                && (opened
                    || phrase.ends_with(':')
                    || next_line
                        .trim_start()
                        .starts_with(['-', '*', '•', '–', '·']))
            {
                // A list on the following lines.
                trimmed
                    .lines()
                    .skip(1)
                    .skip_while(|l| l.trim().is_empty())
                    .take_while(|l| !l.trim().is_empty())
                    .take(20)
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                sentence(trimmed.trim_start())
            };
            for item in list_items(&list) {
                add_person(&mut people, item);
            }
        }
    }
    for phrase in AFTER_NAME_PHRASES {
        for (at, _) in lower.match_indices(phrase).take(MAX_MATCHES) {
            if !body.is_char_boundary(at) {
                continue;
            }
            let clause = clause_before(&body[..at]);
            for piece in clause.split(',') {
                if leading_name(piece.trim()).is_some() {
                    add_person(&mut people, piece.trim().to_string());
                    break;
                }
            }
        }
    }
    for clause in clauses(body).into_iter().take(MAX_FOUND * 10) {
        for (name, title) in subjects(&clause) {
            add_person(&mut people, format!("{name} ({title})").replace(" ()", ""));
        }
    }
    people
}

/// Verbs (and "from", "who") that follow the people a sentence is about.
const SUBJECT_VERBS: &[&str] = &[
    "will", "would", "is", "are", "has", "have", "can", "from", "who", "looks", "look",
];

/// Last words of organisation names, which are not people.
const ORGANISATION_WORDS: &[&str] = &[
    "analytics",
    "labs",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "group",
    "health",
    "energy",
    "robotics",
    "careers",
    "team",
    "recruiting",
    "talent",
    "partners",
    "bank",
    "capital",
    "systems",
    "solutions",
    "technologies",
    "software",
    "studio",
    "studios",
    "company",
    "co",
    "hr",
];

/// Sentences and paragraphs, single line breaks read as spaces.
fn clauses(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in body.split("\n\n") {
        let joined = paragraph.replace(['\n', '\r'], " ");
        let mut rest = joined.as_str();
        while !rest.is_empty() {
            let end = rest
                .match_indices(['.', '!', '?', ':'])
                .find(|(at, _)| rest[at + 1..].starts_with(' '))
                .map_or(rest.len(), |(at, _)| at + 1);
            out.push(rest[..end].trim().to_string());
            rest = &rest[end..];
        }
    }
    out
}

/// The people a clause starts with when a verb follows them: "Irene Papadopoulos, who leads
/// analytics, has time", "Angela Rivera and Marcus Bell from the product team will join".
fn subjects(clause: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = clause.trim_start_matches(['-', '*', '•', ' ']);
    loop {
        let Some(name) = leading_name(rest) else {
            return Vec::new();
        };
        let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
        if ORGANISATION_WORDS.contains(&last.as_str()) {
            return Vec::new();
        }
        let Some(at) = rest.find(name.split_whitespace().last().unwrap_or("")) else {
            return Vec::new();
        };
        rest = rest[at..]
            .split_once(' ')
            .map_or("", |(_, r)| r)
            .trim_start();
        let mut title = String::new();
        // A bracketed title or an apposition between commas.
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')').unwrap_or(inner.len());
            title = inner[..close].trim().to_string();
            rest = inner.get(close + 1..).unwrap_or("").trim_start();
        } else if let Some(inner) = rest.strip_prefix(',') {
            if let Some(close) = inner.find(',').filter(|c| *c <= 80) {
                rest = inner[close + 1..].trim_start();
            }
        }
        found.push((name, title));
        match rest.strip_prefix("and ") {
            Some(after) => rest = after,
            None => break,
        }
    }
    let verb = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    if SUBJECT_VERBS.contains(&verb.as_str()) {
        found
    } else {
        Vec::new()
    }
}

/// The clause that ends where `text` ends: back to the last sentence end, colon or blank line.
fn clause_before(text: &str) -> String {
    let text = &text[back_to_boundary(text, text.len().saturating_sub(WINDOW))..];
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let next = bytes.get(index + 1).copied();
        let ends = match byte {
            b'.' | b'!' | b'?' | b':' => next.is_some_and(|n| n == b' ' || n == b'\n'),
            b'\n' => next == Some(b'\n'),
            _ => false,
        };
        if ends {
            start = index + 1;
        }
    }
    text[start..].replace('\n', " ")
}

/// The text up to the end of its sentence (a full stop after a word, a blank line or a
/// bulleted line). Single line breaks inside are read as spaces.
fn sentence(text: &str) -> String {
    let text = &text[..back_to_boundary(text, WINDOW)];
    let mut end = text.len();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, (at, c)) in chars.iter().enumerate() {
        if *c == '\n' {
            let following = text[at + 1..].trim_start_matches([' ', '\t', '\r']);
            if following.starts_with('\n')
                || following.starts_with(['-', '*', '•'])
                || following.is_empty()
            {
                end = *at;
                break;
            }
            continue;
        }
        if *c == '!' || *c == '?' {
            end = *at;
            break;
        }
        if *c == '.' {
            let next_is_space = chars.get(n + 1).is_none_or(|(_, c)| c.is_whitespace());
            let before: String = text[..*at]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let initial = before.chars().count() == 1
                || matches!(before.as_str(), "rD" | "rM" | "sM" | "srM" | "forP");
            if next_is_space && !initial {
                end = *at;
                break;
            }
        }
    }
    text[..end].replace(['\n', '\r'], " ")
}

fn list_items(list: &str) -> Vec<String> {
    let mut items = Vec::new();
    for line in list.split('\n') {
        let line = line
            .trim()
            .trim_start_matches(['-', '*', '•', '–', '·'])
            .trim();
        let line = line
            .replace(" and ", " ; ")
            .replace(" & ", " ; ")
            .replace(", and ", " ; ");
        for part in line.split(';') {
            // "Tom Becker, our CTO, Priya Nair": a comma piece that starts with a name starts
            // a new person; other pieces describe the one before.
            let mut current = String::new();
            for piece in part.split(',') {
                if leading_name(piece.trim()).is_some() && !current.is_empty() {
                    items.push(std::mem::take(&mut current));
                }
                if !current.is_empty() {
                    current.push(',');
                }
                current.push_str(piece);
            }
            if !current.trim().is_empty() {
                items.push(current);
            }
        }
    }
    items
}

fn add_person(people: &mut Vec<(String, String, String)>, item: String) {
    if people.len() >= MAX_FOUND {
        return;
    }
    let item = item.trim();
    let Some(name) = leading_name(item) else {
        return;
    };
    let after = item
        .find(name.split_whitespace().last().unwrap_or(""))
        .map_or("", |at| &item[at..]);
    let after = after
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest)
        .trim_start_matches([',', ' ']);
    let email = addresses(item)
        .into_iter()
        .map(|(_, a)| a)
        .next()
        .unwrap_or_default();
    let mut title = String::new();
    if let Some(open) = after.find('(') {
        let inner = &after[open + 1..];
        let inner = inner.split(')').next().unwrap_or("");
        if !inner.contains('@') {
            title = inner.trim().to_string();
        }
    }
    if title.is_empty() {
        let candidate = after
            .trim_start_matches(['-', '–', '—', ','])
            .trim()
            .trim_start_matches("our ")
            .trim_start_matches("the ")
            .trim_start_matches("who is ")
            .trim_start_matches("our ");
        let candidate = candidate.split(['<', '(', '.']).next().unwrap_or("").trim();
        let first_word = candidate
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let clause = [
            "on", "at", "to", "for", "who", "from", "in", "about", "via", "over", "next",
            "tomorrow", "today",
        ];
        if !candidate.is_empty()
            && !clause.contains(&first_word.as_str())
            && candidate.split_whitespace().count() <= 6
            && !candidate.contains('@')
        {
            title = candidate.to_string();
        }
    }
    let title = title
        .trim_start_matches("our ")
        .trim_start_matches("the ")
        .to_string();
    if let Some(existing) = people.iter_mut().find(|p| p.0 == name) {
        if existing.1.is_empty() {
            existing.1 = title;
        }
        if existing.2.is_empty() {
            existing.2 = email;
        }
        return;
    }
    people.push((name, title, email));
}

/// The writer's name from the lines after a sign-off, and the job title on the line below it
/// when there is one ("Talent Acquisition Coordinator").
fn signature(body: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    let sign_offs = [
        "best",
        "regards",
        "thanks",
        "cheers",
        "kind regards",
        "best regards",
        "many thanks",
        "thank you",
        "warm regards",
        "warmly",
        "all the best",
        "sincerely",
        "speak soon",
        "see you then",
        "talk soon",
        "best wishes",
    ];
    for (index, line) in lines.iter().enumerate() {
        let bare = line.trim_end_matches([',', '!', '.']).to_lowercase();
        if sign_offs.contains(&bare.as_str()) {
            let mut rest = lines[index + 1..].iter().filter(|l| !l.is_empty());
            if let Some(name) = rest.next().and_then(|next| leading_name(next)) {
                let title = rest
                    .next()
                    .filter(|line| looks_like_a_title(line))
                    .map(|line| line.trim_end_matches([',', '.', ';']).to_string())
                    .unwrap_or_default();
                return Some((name, title));
            }
        }
    }
    None
}

/// Whether a signature line names a job rather than an address, a number or a link.
fn looks_like_a_title(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.chars().count() <= 60
        && !line.contains('@')
        && !line.chars().any(|c| c.is_ascii_digit())
        && !lower.contains("http")
        && !lower.contains("www.")
        && line.split_whitespace().count() <= 8
}

/// Reads the facts of one email. `today` counts relative dates when there is no Date header.
pub fn extract(text: &str, today: NaiveDate) -> EmailFacts {
    let text: String = text.chars().take(MAX_EMAIL_CHARS).collect();
    // Curly apostrophes read as straight ones ("you’ll" is "you'll").
    let text = super::ical::clean_text(&text.replace("\r\n", "\n").replace('’', "'"));
    let (headers, body) = split_headers(&text);
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let body: String = body
        .lines()
        .filter(|line| !line.trim_start().starts_with('>'))
        .collect::<Vec<_>>()
        .join("\n");
    let reference = header("date")
        .or_else(|| header("sent"))
        .and_then(|value| when(value, today).0)
        .unwrap_or(today);
    let (date, start, end, zone) = when(&body, reference);
    let mut people = met_people(&body);
    let found_addresses = addresses(&body);
    // Attach addresses written elsewhere in the mail to the people named.
    for person in &mut people {
        if person.2.is_empty() {
            if let Some((_, address)) = found_addresses.iter().find(|(name, address)| {
                untitled(name) == untitled(&person.0) || address_matches(&person.0, address)
            }) {
                person.2 = address.clone();
            }
        }
    }
    let from = header("from").and_then(mailbox);
    let signed = signature(&body);
    let sender_title = signed
        .as_ref()
        .map(|(_, title)| title.clone())
        .unwrap_or_default();
    let signed = signed.map(|(name, _)| name);
    let sender = match (&from, signed) {
        (Some((name, address)), _) if !name.is_empty() => Some((
            leading_name(name).unwrap_or_else(|| name.clone()),
            address.clone(),
        )),
        (Some((_, address)), Some(name)) => Some((name, address.clone())),
        (Some((_, address)), None) => Some((guess::name_from_address(address), address.clone())),
        (None, Some(name)) => {
            let address = found_addresses
                .iter()
                .find(|(n, a)| *n == name || address_matches(&name, a))
                .map(|(_, a)| a.clone())
                .unwrap_or_default();
            Some((name, address))
        }
        (None, None) => None,
    };
    let lower = lower_in_place(&body);
    let sender = sender.or_else(|| {
        ["i'm ", "i am ", "this is "].iter().find_map(|intro| {
            let at = lower.find(intro)? + intro.len();
            let name = leading_name(body.get(at..)?)?;
            Some((name, String::new()))
        })
    });
    // Named with an address but not introduced: when nobody else is named, they are the
    // people to meet (the writer aside).
    if people.is_empty() {
        for (name, address) in &found_addresses {
            let is_sender = sender.as_ref().is_some_and(|(_, a)| a == address);
            if !name.is_empty() && !is_sender {
                people.push((name.clone(), String::new(), address.clone()));
            }
        }
    }
    // "a call with me": the writer is the interviewer.
    if let Some((name, address)) = &sender {
        let with_me = [
            "with me",
            "i'll call you",
            "i will call you",
            "i'll give you a call",
            "i will be interviewing",
            "i'll be interviewing",
            "speak with me",
            "i'll dial you",
            "i will dial you",
            "i'll ring you",
            "interviewing you myself",
            "meet me",
        ]
        .iter()
        .any(|p| lower.replace('’', "'").contains(p));
        if with_me && !people.iter().any(|p| p.0 == *name) && !name.is_empty() {
            people.insert(0, (name.clone(), String::new(), address.clone()));
        }
    }
    EmailFacts {
        subject: header("subject").unwrap_or("").to_string(),
        date,
        start,
        end,
        zone,
        people,
        sender,
        sender_title,
        link: guess::meeting_link(&body).unwrap_or_default(),
        phone: guess::phone_number(&body).unwrap_or_default(),
        reference: Some(reference),
    }
}

/// The writer of the email as a contact, unless they are the user or one of the people met.
fn sender_contact(facts: &EmailFacts, user: &str) -> Option<ContactDraft> {
    let (name, address) = facts.sender.clone()?;
    let address = address.trim().to_string();
    let same = |other_name: &str, other_address: &str| {
        (!address.is_empty() && other_address.eq_ignore_ascii_case(&address))
            || untitled(other_name) == untitled(&name)
    };
    if name.trim().is_empty()
        || (!user.is_empty() && address.eq_ignore_ascii_case(user))
        || facts.people.iter().any(|(n, _, e)| same(n, e))
    {
        return None;
    }
    Some(ContactDraft {
        role: ContactRole::from_title(&facts.sender_title),
        name,
        title: facts.sender_title.clone(),
        email: address,
        ..ContactDraft::default()
    })
}

/// Turns an email into the pre-filled form (see [`super::read_invitation`]).
pub(crate) fn read_email(
    text: &str,
    context: &InviteContext,
) -> Result<InvitationPrefill, InviteError> {
    let facts = extract(text, context.today);
    let (_, body) = split_headers(text);
    if facts.date.is_none()
        && facts.start.is_none()
        && facts.people.is_empty()
        && facts.link.is_empty()
    {
        return Err(InviteError::NothingFound);
    }
    let mut notes = Vec::new();
    if text.chars().nth(MAX_EMAIL_CHARS).is_some() {
        notes.push(format!(
            "The text is long; only its first {MAX_EMAIL_CHARS} characters were read."
        ));
    }
    let user = context.user_email.trim().to_ascii_lowercase();
    let people: Vec<Person> = facts
        .people
        .iter()
        .filter(|(_, _, email)| user.is_empty() || *email != user)
        .map(|(name, title, email)| Person {
            name: name.clone(),
            title: title.clone(),
            email: email.clone(),
        })
        .collect();
    let moment = |time: NaiveTime| -> Option<Moment> {
        let local = NaiveDateTime::new(facts.date?, time);
        let zoned = facts.zone.as_ref().and_then(|zone| {
            if let Some(offset) = parse_fixed(zone) {
                return Some(super::zones::LocalOffset {
                    offset,
                    in_force: offset,
                    in_gap: false,
                });
            }
            context.zones.offset_for_local(zone, local)
        });
        match zoned {
            Some(found) => Some(Moment {
                at: super::at_offset(local, found),
                assumed: false,
                in_gap: found.in_gap,
            }),
            None => context
                .user_zone
                .from_local_datetime(&local)
                .earliest()
                .map(|at| Moment {
                    at: at.fixed_offset(),
                    assumed: true,
                    in_gap: false,
                }),
        }
    };
    let start = facts.start.and_then(moment);
    let end = facts
        .end
        .and_then(moment)
        .filter(|end| start.is_some_and(|s| end.at > s.at));
    if facts.date.is_none() {
        notes.push("No date found: enter it.".to_string());
    }
    let lower = body.to_lowercase();
    // A meeting named without its link ("via Microsoft Teams") is still a video call; a phone
    // number alone (often the sender's signature) says least, so it comes last.
    let names_video = VIDEO_WORDS.iter().any(|word| lower.contains(word));
    let format = if !facts.link.is_empty() || names_video {
        Some(RoundFormat::Video)
    } else {
        guess::round_format("", "", &lower)
            .or_else(|| (!facts.phone.is_empty()).then_some(RoundFormat::Phone))
    };
    // Who wrote, when not among the people met, is who follow-up questions go to; a number
    // in their signature is theirs, not the meeting's, unless the meeting is a phone call.
    let mut sender = sender_contact(&facts, &user);
    let mut meeting_phone = facts.phone.clone();
    if let Some(contact) = sender.as_mut() {
        if format != Some(RoundFormat::Phone) && !meeting_phone.is_empty() {
            contact.phone = std::mem::take(&mut meeting_phone);
        }
    }
    let draft = RoundDraft {
        title: facts.subject.clone(),
        description: body.chars().take(20_000).collect(),
        zone: facts.zone.clone().unwrap_or_default(),
        start,
        end,
        all_day: if facts.start.is_none() {
            facts.date
        } else {
            None
        },
        format,
        link: facts.link.clone(),
        phone: meeting_phone,
        people,
        ..RoundDraft::default()
    };
    let mut prefill = assemble(
        Source::Email,
        vec![draft],
        &facts.subject,
        body,
        notes,
        context,
    )?;
    if let (Outcome::New, Some(contact)) = (&prefill.outcome, sender) {
        let role = match contact.role {
            ContactRole::Recruiter => "the recruiter",
            ContactRole::Hr => "the HR contact",
            ContactRole::Coordinator => "the coordinator",
            ContactRole::HiringManager => "the hiring manager",
            ContactRole::Other => "a contact",
        };
        let title = if contact.title.is_empty() {
            String::new()
        } else {
            format!(", {}", contact.title)
        };
        prefill.found.push(format!(
            "Sender: {}{title}, kept as {role} of this process.",
            contact.name
        ));
        // They wrote to the user: the natural point of contact, whatever their title.
        prefill.contacts.point = PointChoice::NewContact(prefill.contacts.contacts.len());
        prefill.contacts.contacts.push(contact);
    }
    // The whole-day wording fits calendars; for an email the time was simply not found.
    for line in &mut prefill.missing {
        if line.starts_with("The invitation is for a whole day") {
            *line = "No time found: enter the start and end.".into();
        }
    }
    Ok(prefill)
}

/// `+01:00` as written by [`zone_after`].
fn parse_fixed(zone: &str) -> Option<FixedOffset> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = zone.get(1..3)?.parse().ok()?;
    FixedOffset::east_opt(sign * hours * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    fn hm(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn written_dates_and_times() {
        let today = day(2026, 2, 24); // a Tuesday
        let cases: &[(&str, NaiveDate, Option<NaiveTime>)] = &[
            (
                "Tuesday, 3 March at 2:30 pm CET",
                day(2026, 3, 3),
                hm(14, 30),
            ),
            ("on 03/03/2026 14:30", day(2026, 3, 3), hm(14, 30)),
            ("on 03/13/2026 at 9:15", day(2026, 3, 13), hm(9, 15)),
            ("tomorrow at 10", day(2026, 2, 25), hm(10, 0)),
            ("next Monday 9am", day(2026, 3, 2), hm(9, 0)),
            ("2026-03-05T16:00", day(2026, 3, 5), hm(16, 0)),
            ("March 4th, 2026 at 11.30", day(2026, 3, 4), hm(11, 30)),
            ("Friday the 6th of March, 14h00", day(2026, 3, 6), hm(14, 0)),
        ];
        for (text, date, time) in cases {
            let (found_date, found_time, _, _) = when(text, today);
            assert_eq!(found_date, Some(*date), "{text}");
            assert_eq!(found_time, *time, "{text}");
        }
    }

    #[test]
    fn ranges_durations_and_zones() {
        let today = day(2026, 2, 24);
        let (_, start, end, zone) = when("Thursday 5 March, 2:30–3:15 pm (GMT)", today);
        assert_eq!((start, end), (hm(14, 30), hm(15, 15)));
        assert_eq!(zone.as_deref(), Some("UTC"));
        let (_, start, end, _) = when("5 March at 10:00 for 45 minutes", today);
        assert_eq!((start, end), (hm(10, 0), hm(10, 45)));
        let (_, _, _, zone) = when("5 March at 10:00 UTC+2", today);
        assert_eq!(zone.as_deref(), Some("+02:00"));
    }

    #[test]
    fn people_with_titles_and_addresses() {
        let body = "You'll meet Maria Okafor (Head of Design) and Tom Becker, our CTO. \
                    Tom's address is tom.becker@northwind.example.";
        let people = met_people(body);
        assert_eq!(people.len(), 2, "{people:?}");
        assert_eq!(people[0].0, "Maria Okafor");
        assert_eq!(people[0].1, "Head of Design");
        assert_eq!(people[1].0, "Tom Becker");
        assert_eq!(people[1].1, "CTO");
    }

    #[test]
    fn headers_set_the_reference_day() {
        let text = "From: Ana Ruiz <ana@lumen.example>\nDate: Thu, 26 Feb 2026 09:12:00 +0100\nSubject: Next step\n\nCould we talk tomorrow at 3pm?\n\nBest,\nAna Ruiz";
        let facts = extract(text, day(2026, 1, 1));
        assert_eq!(facts.reference, Some(day(2026, 2, 26)));
        assert_eq!(facts.date, Some(day(2026, 2, 27)));
        assert_eq!(facts.start, hm(15, 0));
        assert_eq!(
            facts.sender,
            Some(("Ana Ruiz".into(), "ana@lumen.example".into()))
        );
    }
}
