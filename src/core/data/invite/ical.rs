//! RFC 5545 reading: unfolds lines, splits properties into name, parameters and value,
//! unescapes text and nests components. Tolerant of what calendars really send; bounded in
//! depth and size so hostile input costs little.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Components nest VCALENDAR > VEVENT > VALARM and VTIMEZONE > STANDARD; deeper is refused.
const MAX_DEPTH: usize = 8;

/// One property: `NAME;PARAM=value:VALUE`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Property {
    /// Upper-case name.
    pub name: String,
    /// Parameters with upper-case names; quoted values without their quotes.
    pub params: Vec<(String, Vec<String>)>,
    /// The raw value (still escaped for TEXT values).
    pub value: String,
}

impl Property {
    /// The first value of a parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .and_then(|(_, values)| values.first())
            .map(String::as_str)
    }

    /// The value read as TEXT: escapes undone, control characters dropped.
    pub fn text(&self) -> String {
        clean_text(&unescape(&self.value))
    }
}

/// A component (`BEGIN:X` ... `END:X`) with its properties and sub-components.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Component {
    pub name: String,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.property(name)
            .map(Property::text)
            .filter(|text| !text.trim().is_empty())
    }

    /// Every component of this name, at any depth below this one.
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Component>) {
        for child in &self.children {
            if child.name == name {
                out.push(child);
            }
            child.descendants(name, out);
        }
    }
}

/// What reading a file found besides components.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// A synthetic root holding the top-level components.
    pub root: Component,
    /// Lines that were not properties (skipped).
    pub skipped_lines: usize,
    /// Components still open at the end of the file (a cut-off download).
    pub unclosed: usize,
}

/// Splits the text into logical lines: CRLF or LF line ends, and a line starting with a space
/// or tab continues the previous one (RFC 5545 section 3.1).
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            if let Some(last) = lines.last_mut() {
                last.push_str(rest);
                continue;
            }
        }
        lines.push(raw.to_string());
    }
    lines
}

/// Reads one content line; `None` when it is not `name[;params]:value`.
pub fn parse_line(line: &str) -> Option<Property> {
    let mut chars = line.char_indices().peekable();
    let mut name_end = line.len();
    while let Some(&(at, c)) = chars.peek() {
        if c == ';' || c == ':' {
            name_end = at;
            break;
        }
        if !(c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        chars.next();
    }
    if name_end == 0 || name_end == line.len() {
        return None;
    }
    let name = line[..name_end].to_ascii_uppercase();
    let mut params = Vec::new();
    let mut rest = &line[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let (key, after_key) = after.split_once('=')?;
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        let mut values = Vec::new();
        let mut remaining = after_key;
        loop {
            let (value, tail) = if let Some(quoted) = remaining.strip_prefix('"') {
                let close = quoted.find('"')?;
                (caret_decode(&quoted[..close]), &quoted[close + 1..])
            } else {
                let end = remaining.find([';', ':', ',']).unwrap_or(remaining.len());
                (caret_decode(&remaining[..end]), &remaining[end..])
            };
            values.push(value);
            match tail.strip_prefix(',') {
                Some(next) => remaining = next,
                None => {
                    remaining = tail;
                    break;
                }
            }
        }
        params.push((key.to_ascii_uppercase(), values));
        rest = remaining;
    }
    let value = rest.strip_prefix(':')?;
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
}

/// RFC 6868: `^n` newline, `^'` double quote, `^^` caret inside parameter values.
fn caret_decode(text: &str) -> String {
    if !text.contains('^') {
        return clean_text(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push(' '),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    clean_text(&out)
}

/// Undoes TEXT escaping: `\\`, `\;`, `\,`, `\n`/`\N`.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Drops control characters (keeping line breaks, tabs read as spaces) and the invisible
/// direction overrides that can disguise text.
pub fn clean_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{FEFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Reads a whole file into nested components. Never fails: what cannot be read is counted.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut stack: Vec<Component> = vec![Component::default()];
    for line in unfold(text) {
        if line.trim().is_empty() {
            continue;
        }
        let Some(property) = parse_line(&line) else {
            parsed.skipped_lines += 1;
            continue;
        };
        match property.name.as_str() {
            "BEGIN" => {
                if stack.len() > MAX_DEPTH {
                    parsed.skipped_lines += 1;
                    continue;
                }
                stack.push(Component {
                    name: property.value.trim().to_ascii_uppercase(),
                    ..Component::default()
                });
            }
            "END" => {
                let name = property.value.trim().to_ascii_uppercase();
                // Close up to the matching BEGIN; an END with no BEGIN is ignored.
                if let Some(depth) = stack.iter().rposition(|c| c.name == name) {
                    if depth == 0 {
                        parsed.skipped_lines += 1;
                        continue;
                    }
                    while stack.len() > depth {
                        if let Some(done) = stack.pop() {
                            if let Some(parent) = stack.last_mut() {
                                parent.children.push(done);
                            }
                        }
                    }
                } else {
                    parsed.skipped_lines += 1;
                }
            }
            _ => {
                if let Some(current) = stack.last_mut() {
                    current.properties.push(property);
                }
            }
        }
    }
    while stack.len() > 1 {
        parsed.unclosed += 1;
        if let Some(done) = stack.pop() {
            if let Some(parent) = stack.last_mut() {
                parent.children.push(done);
            }
        }
    }
    parsed.root = stack.pop().unwrap_or_default();
    parsed
}

/// A DATE or DATE-TIME value as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// `VALUE=DATE`: a whole day.
    Day(NaiveDate),
    /// A time with a trailing `Z`.
    Utc(NaiveDateTime),
    /// A local time, in the TZID's zone or (without TZID) "floating".
    Local(NaiveDateTime),
}

/// Reads `20260303`, `20260303T143000` or `20260303T143000Z`.
pub fn parse_when(value: &str) -> Option<When> {
    let value = value.trim();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let date_part = value.get(..8).filter(|d| digits(d))?;
    let year: i32 = date_part[..4].parse().ok()?;
    let month: u32 = date_part[4..6].parse().ok()?;
    let day: u32 = date_part[6..8].parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let rest = &value[8..];
    if rest.is_empty() {
        return Some(When::Day(date));
    }
    let time = rest.strip_prefix(['T', 't'])?;
    let (time, utc) = match time.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (time, false),
    };
    if time.len() != 6 || !digits(time) {
        return None;
    }
    let hour: u32 = time[..2].parse().ok()?;
    let minute: u32 = time[2..4].parse().ok()?;
    // A leap second (60) is read as the last second of the minute.
    let second: u32 = time[4..6].parse::<u32>().ok()?.min(59);
    let at = date.and_time(NaiveTime::from_hms_opt(hour, minute, second)?);
    Some(if utc { When::Utc(at) } else { When::Local(at) })
}

/// Reads a DURATION such as `PT45M`, `PT1H30M`, `P1D` or `P1W`. Negative durations and
/// anything over four weeks are refused (no interview lasts that long).
pub fn parse_duration(value: &str) -> Option<Duration> {
    let value = value.trim();
    let value = value.strip_prefix('+').unwrap_or(value);
    let body = value.strip_prefix(['P', 'p'])?;
    let mut total: i64 = 0;
    let mut number: Option<i64> = None;
    let mut in_time = false;
    let mut any = false;
    for c in body.chars() {
        match c {
            '0'..='9' => {
                let digit = i64::from(c.to_digit(10)?);
                number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
                if number? > 100_000 {
                    return None;
                }
            }
            'T' | 't' => in_time = true,
            unit => {
                let n = number.take()?;
                let seconds = match (unit.to_ascii_uppercase(), in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                total = total.checked_add(n.checked_mul(seconds)?)?;
                any = true;
            }
        }
    }
    if !any || number.is_some() || total > 28 * 86_400 {
        return None;
    }
    Some(Duration::seconds(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_are_joined() {
        let lines = unfold("SUMMARY:Design int\r\n erview\r\nDESCRIPTION:a\n\tb\n");
        assert_eq!(lines[0], "SUMMARY:Design interview");
        assert_eq!(lines[1], "DESCRIPTION:ab");
    }

    #[test]
    fn parameters_with_quotes_and_lists() {
        let property = parse_line(
            "ATTENDEE;CN=\"Lee, Dana: Lead\";ROLE=REQ-PARTICIPANT;DELEGATED-FROM=\"mailto:a@x.example\",\"mailto:b@x.example\":mailto:dana@x.example",
        )
        .expect("valid line");
        assert_eq!(property.name, "ATTENDEE");
        assert_eq!(property.param("CN"), Some("Lee, Dana: Lead"));
        assert_eq!(property.param("ROLE"), Some("REQ-PARTICIPANT"));
        assert_eq!(property.params[2].1.len(), 2);
        assert_eq!(property.value, "mailto:dana@x.example");
    }

    #[test]
    fn text_escapes_and_controls() {
        let property =
            parse_line("DESCRIPTION:One\\, two\\; three\\nnext \\\\ end\u{7}").expect("line");
        assert_eq!(property.text(), "One, two; three\nnext \\ end");
    }

    #[test]
    fn bad_lines_are_none() {
        for line in ["no colon", ":value", "NA ME:x", "X;=a:b", "X;A=\"open:b"] {
            assert_eq!(parse_line(line), None, "{line}");
        }
    }

    #[test]
    fn dates_times_and_durations() {
        assert_eq!(
            parse_when("20260303"),
            NaiveDate::from_ymd_opt(2026, 3, 3).map(When::Day)
        );
        assert!(matches!(parse_when("20260303T143000Z"), Some(When::Utc(_))));
        assert!(matches!(
            parse_when("20260303T143000"),
            Some(When::Local(_))
        ));
        assert_eq!(parse_when("20260230T100000"), None);
        assert_eq!(parse_when("2026-03-03"), None);
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("P1W"), Some(Duration::days(7)));
        assert_eq!(parse_duration("-PT5M"), None);
        assert_eq!(parse_duration("PT"), None);
        assert_eq!(parse_duration("P99999999999D"), None);
    }

    #[test]
    fn components_nest_and_cut_files_close() {
        let parsed = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nBEGIN:VALARM\nEND:VALARM\n");
        assert_eq!(parsed.unclosed, 2);
        let calendar = &parsed.root.children[0];
        assert_eq!(calendar.name, "VCALENDAR");
        assert_eq!(calendar.children[0].name, "VEVENT");
        assert_eq!(calendar.children[0].children[0].name, "VALARM");
    }
}
