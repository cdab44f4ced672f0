//! JSON for the stored format: a value tree, a parser that says where text stops making sense,
//! and a writer whose output is byte for byte what the format has always been.
//!
//! Deliberately small and non-generic: the browser build carries this one reader and writer
//! instead of a serialisation framework instantiated for every record type. Records convert
//! to and from [`Json`] by hand (see [`Stored`]); [`Fields`] reads an object field by field
//! with the defaults and errors the format has always had.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

/// An object key: the format's own field names are borrowed, so reading a document does not
/// allocate a string per key.
pub type Key = Cow<'static, str>;

/// A JSON value. Objects keep their keys in the order written (the order the record types
/// list their fields); a key written twice reads as its last value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(Key, Json)>),
}

/// A JSON number: whole numbers exactly, anything else as written.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    /// Zero and above.
    Unsigned(u64),
    /// Below zero.
    Negative(i64),
    /// With a fraction or exponent, or a whole number too large for 64 bits. The format never
    /// stores one, so it is kept as text and written back as it was read (no float parsing
    /// or printing code in the app for a value nobody reads).
    Written(String),
}

impl From<u64> for Json {
    fn from(value: u64) -> Self {
        Json::Number(Number::Unsigned(value))
    }
}

impl From<i64> for Json {
    fn from(value: i64) -> Self {
        match u64::try_from(value) {
            Ok(unsigned) => Json::Number(Number::Unsigned(unsigned)),
            Err(_) => Json::Number(Number::Negative(value)),
        }
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Self {
        Json::Bool(value)
    }
}

impl From<String> for Json {
    fn from(value: String) -> Self {
        Json::String(value)
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Self {
        Json::String(value.to_string())
    }
}

impl Json {
    /// A timestamp as the format writes it: RFC 3339, seconds always, a fraction only when
    /// there is one, `Z` for a zero offset.
    pub fn stamp(at: &DateTime<FixedOffset>) -> Json {
        Json::String(at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    /// A day as the format writes it: `2026-03-09`.
    pub fn date(day: &NaiveDate) -> Json {
        Json::String(day.to_string())
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value when it is a whole number from zero up.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(Number::Unsigned(value)) => Some(*value),
            _ => None,
        }
    }

    /// The value when it is a whole number that fits in 64 signed bits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(Number::Unsigned(value)) => i64::try_from(*value).ok(),
            Json::Number(Number::Negative(value)) => Some(*value),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Vec<(Key, Json)>> {
        match self {
            Json::Object(fields) => Some(fields),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Vec<(Key, Json)>> {
        match self {
            Json::Object(fields) => Some(fields),
            _ => None,
        }
    }

    /// The value under `key` in an object (the last one, if written twice).
    pub fn get(&self, key: &str) -> Option<&Json> {
        let fields = self.as_object()?;
        fields
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        let fields = self.as_object_mut()?;
        fields
            .iter_mut()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Sets `key` in an object, in place when it exists, else at the end. Does nothing to
    /// anything but an object.
    pub fn insert(&mut self, key: impl Into<Key>, value: Json) {
        let key = key.into();
        if let Some(slot) = self.get_mut(&key) {
            *slot = value;
        } else if let Some(fields) = self.as_object_mut() {
            fields.push((key, value));
        }
    }

    /// Removes every value under `key` from an object.
    pub fn remove(&mut self, key: &str) {
        if let Some(fields) = self.as_object_mut() {
            fields.retain(|(name, _)| name != key);
        }
    }

    /// Orders every object's keys as text, at every depth (a backup file lists fields
    /// alphabetically). Keys written twice keep their order.
    pub fn sort_keys(&mut self) {
        match self {
            Json::Array(items) => items.iter_mut().for_each(Json::sort_keys),
            Json::Object(fields) => {
                fields.sort_by(|(a, _), (b, _)| a.cmp(b));
                fields.iter_mut().for_each(|(_, value)| value.sort_keys());
            }
            _ => {}
        }
    }

    /// The compact text: no spaces, no line breaks.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None);
        out
    }

    /// The indented text: two spaces per level, `"key": value`, empty lists as `[]`.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_compact())
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes `value`; `indent` is `None` for compact text, else the current depth.
fn write_value(out: &mut String, value: &Json, indent: Option<usize>) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(number) => write_number(out, number),
        Json::String(text) => write_string(out, text),
        Json::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                new_line(out, indent.map(|depth| depth + 1));
                write_value(out, item, indent.map(|depth| depth + 1));
            }
            new_line(out, indent);
            out.push(']');
        }
        Json::Object(fields) => {
            if fields.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (index, (key, item)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                new_line(out, indent.map(|depth| depth + 1));
                write_string(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, item, indent.map(|depth| depth + 1));
            }
            new_line(out, indent);
            out.push('}');
        }
    }
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

fn write_number(out: &mut String, number: &Number) {
    match number {
        Number::Unsigned(value) => write_unsigned(out, *value),
        Number::Negative(value) => {
            out.push('-');
            write_unsigned(out, value.unsigned_abs());
        }
        Number::Written(text) => out.push_str(text),
    }
}

fn write_unsigned(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Quotes and escapes as the format always has: `"` `\` and the control characters below
/// 0x20 are escaped (short forms where JSON has them, else `\u00xx` in lower case);
/// everything else, accents and emoji included, is written as is.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain_from..index]);
        plain_from = index + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&text[plain_from..]);
    out.push('"');
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Why text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The text ended in the middle of a value (a file cut off while copying).
    pub truncated: bool,
    /// What was expected or found, in words.
    pub message: String,
    /// Where, counted from 1; the column counts characters.
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ParseError {}

/// Deeper nesting than any document of the format is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// Field names of the stored format, borrowed instead of copied when a document is read.
const KNOWN_KEYS: [&str; 72] = [
    "id",
    "name",
    "title",
    "email",
    "linkedin",
    "discussed",
    "detail",
    "to_tell",
    "invited_call",
    "spoke_by_phone",
    "role",
    "phone",
    "kind",
    "format",
    "start",
    "end",
    "interviewers",
    "notes",
    "uid",
    "zone",
    "round",
    "interviewer",
    "at",
    "type",
    "note",
    "message",
    "channel",
    "to",
    "from",
    "date",
    "what",
    "deadline",
    "by",
    "action",
    "until",
    "company",
    "pace",
    "status",
    "rounds",
    "contacts",
    "point_of_contact",
    "events",
    "job_url",
    "applied_on",
    "why_fit",
    "revision",
    "updated_at",
    "sample",
    "signature",
    "time_zone",
    "offset_minutes",
    "work_start",
    "work_end",
    "work_days",
    "holidays",
    "tone",
    "theme",
    "onboarded",
    "settings",
    "processes",
    "settings_revision",
    "settings_updated_at",
    "tombstones",
    "last_export_at",
    "deleted_at",
    "schema_version",
    "saved_at",
    "data",
    "earliest",
    "due",
    "latest",
    "state",
];

/// Reads one JSON document (surrounding whitespace allowed, nothing else after it).
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("unexpected text after the end of the document"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, message: &str) -> ParseError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        ParseError {
            truncated: self.at >= self.bytes.len(),
            message: message.to_string(),
            line: before.matches('\n').count() + 1,
            column: self.text[line_start..]
                .char_indices()
                .take_while(|(offset, _)| line_start + offset < self.at)
                .count()
                + 1,
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        match self.bytes.get(self.at) {
            None => Err(self.error("expected a value")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(|text| Json::String(text.into_owned())),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        for &expected in word.as_bytes() {
            match self.bytes.get(self.at) {
                Some(&byte) if byte == expected => self.at += 1,
                _ => return Err(self.error(&format!("expected `{word}`"))),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.at;
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        let mut whole = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            whole = false;
            self.at += 1;
            if !self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                return Err(self.error("expected a digit after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            whole = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                return Err(self.error("expected a digit in the exponent"));
            }
            self.digits();
        }
        let text = &self.text[start..self.at];
        if whole {
            if negative {
                if let Ok(value) = text.parse::<i64>() {
                    return Ok(Json::from(value));
                }
            } else if let Ok(value) = text.parse::<u64>() {
                return Ok(Json::Number(Number::Unsigned(value)));
            }
        }
        Ok(Json::Number(Number::Written(text.to_string())))
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    /// Reads a string starting at its opening quote; borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.at += 1;
        let text_all: &'a str = self.text;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut plain_from = start;
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("the text ends inside a string"));
            };
            match byte {
                b'"' => {
                    let tail = &self.text[plain_from..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                        None => Cow::Borrowed(&text_all[start..self.at - 1]),
                    });
                }
                b'\\' => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(&self.text[plain_from..self.at]);
                    self.at += 1;
                    let escaped = self.escape()?;
                    owned.get_or_insert_with(String::new).push(escaped);
                    plain_from = self.at;
                }
                0x00..=0x1f => {
                    return Err(self.error("a control character must be escaped inside a string"))
                }
                _ => self.at += 1,
            }
        }
    }

    /// Reads what follows a backslash.
    fn escape(&mut self) -> Result<char, ParseError> {
        let Some(&byte) = self.bytes.get(self.at) else {
            return Err(self.error("the text ends inside a string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xdc00..0xe000).contains(&first) {
                    return Err(self.error("a lone low surrogate in a \\u escape"));
                }
                if !(0xd800..0xdc00).contains(&first) {
                    return char::from_u32(first)
                        .ok_or_else(|| self.error("an invalid \\u escape"));
                }
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error("a high surrogate without its low half"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xdc00..0xe000).contains(&second) {
                    return Err(self.error("a high surrogate without its low half"));
                }
                let code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                char::from_u32(code).ok_or_else(|| self.error("an invalid \\u escape"))?
            }
            _ => {
                self.at -= 1;
                return Err(self.error("an unknown escape after a backslash"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.at)
                .and_then(|&byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.error("expected four hex digits after \\u"))?;
            value = value * 16 + digit;
            self.at += 1;
        }
        Ok(value)
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut fields = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error("expected a field name in double quotes"));
            }
            let key: Key = match self.string()? {
                Cow::Borrowed(text) => match KNOWN_KEYS.iter().find(|known| **known == text) {
                    Some(known) => Cow::Borrowed(*known),
                    None => Cow::Owned(text.to_string()),
                },
                Cow::Owned(text) => Cow::Owned(text),
            };
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.error("expected `:` after a field name"));
            }
            self.at += 1;
            self.skip_space();
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading records

/// Why a JSON value is not the record expected, and where in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub message: String,
    /// From the outside in: field names and list positions.
    path: Vec<String>,
}

impl ReadError {
    pub fn new(message: impl Into<String>) -> Self {
        ReadError {
            message: message.into(),
            path: Vec::new(),
        }
    }

    /// The same error, one field further out.
    pub fn in_field(mut self, key: &str) -> Self {
        self.path.insert(0, key.to_string());
        self
    }

    /// The same error, inside the list item at `index`.
    pub fn in_item(mut self, index: usize) -> Self {
        self.path.insert(0, format!("[{index}]"));
        self
    }

    /// Where, as `data.processes[2].events[0]`; empty at the top.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for part in &self.path {
            if !out.is_empty() && !part.starts_with('[') {
                out.push('.');
            }
            out.push_str(part);
        }
        out
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}, in {}", self.message, self.path())
        }
    }
}

impl std::error::Error for ReadError {}

/// A record kept in the stored format.
pub trait Stored: Sized {
    fn to_json(&self) -> Json;
    fn from_json(json: Json) -> Result<Self, ReadError>;
}

fn kind_of(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(Number::Written(_)) => "a fraction or a very large number",
        Json::Number(Number::Negative(_)) => "a negative number",
        Json::Number(Number::Unsigned(_)) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// The error for a value of the wrong kind.
pub fn wrong_type(json: &Json, expected: &str) -> ReadError {
    ReadError::new(format!(
        "invalid type: {}, expected {expected}",
        kind_of(json)
    ))
}

/// A string value, moved out.
pub fn read_string(json: Json) -> Result<String, ReadError> {
    match json {
        Json::String(text) => Ok(text),
        other => Err(wrong_type(&other, "a string")),
    }
}

pub fn read_u64(json: Json) -> Result<u64, ReadError> {
    json.as_u64()
        .ok_or_else(|| wrong_type(&json, "a whole number from 0"))
}

pub fn read_bool(json: Json) -> Result<bool, ReadError> {
    match json {
        Json::Bool(value) => Ok(value),
        other => Err(wrong_type(&other, "true or false")),
    }
}

/// A list, moved out.
pub fn read_array(json: Json) -> Result<Vec<Json>, ReadError> {
    match json {
        Json::Array(items) => Ok(items),
        other => Err(wrong_type(&other, "a list")),
    }
}

/// A timestamp: the form the format writes, or any other RFC 3339 form chrono reads.
pub fn read_stamp(json: Json) -> Result<DateTime<FixedOffset>, ReadError> {
    let text = read_string(json)?;
    crate::core::data::model::parse_stamp(&text)
        .map_err(|error| ReadError::new(format!("{error}: \"{text}\"")))
}

/// A day written `YYYY-MM-DD`.
pub fn read_date(json: Json) -> Result<NaiveDate, ReadError> {
    let text = read_string(json)?;
    text.parse()
        .map_err(|error| ReadError::new(format!("{error}: \"{text}\"")))
}

/// One of the names in `all` (kebab-case words, as `slug` writes them).
pub fn read_name<T: Copy>(
    json: Json,
    all: &[T],
    slug: fn(T) -> &'static str,
) -> Result<T, ReadError> {
    let text = read_string(json)?;
    all.iter()
        .copied()
        .find(|item| slug(*item) == text)
        .ok_or_else(|| {
            let names: Vec<String> = all
                .iter()
                .map(|item| format!("`{}`", slug(*item)))
                .collect();
            ReadError::new(format!(
                "unknown variant `{text}`, expected one of {}",
                names.join(", ")
            ))
        })
}

/// Every item of a list read by `read`; an error says which item.
pub fn read_list<T>(
    json: Json,
    read: fn(Json) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    read_array(json)?
        .into_iter()
        .enumerate()
        .map(|(index, item)| read(item).map_err(|error| error.in_item(index)))
        .collect()
}

/// An object being read field by field. Each field is taken once; fields nobody asks for
/// (written by a newer build, or by hand) are ignored.
pub struct Fields(Vec<(Key, Json)>);

impl Fields {
    /// The fields of an object; anything else is an error naming what was expected.
    pub fn of(json: Json, what: &str) -> Result<Fields, ReadError> {
        match json {
            Json::Object(fields) => Ok(Fields(fields)),
            other => Err(wrong_type(&other, what)),
        }
    }

    /// The value under `key`, taken out (the last one, if written twice).
    pub fn take(&mut self, key: &str) -> Option<Json> {
        let index = self.0.iter().rposition(|(name, _)| name == key)?;
        Some(self.0.swap_remove(index).1)
    }

    /// A field that must be there.
    pub fn required<T>(
        &mut self,
        key: &str,
        read: fn(Json) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        match self.take(key) {
            Some(value) => read(value).map_err(|error| error.in_field(key)),
            None => Err(ReadError::new(format!("missing field `{key}`"))),
        }
    }

    /// A field that may be missing or null.
    pub fn optional<T>(
        &mut self,
        key: &str,
        read: fn(Json) -> Result<T, ReadError>,
    ) -> Result<Option<T>, ReadError> {
        match self.take(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => read(value).map(Some).map_err(|error| error.in_field(key)),
        }
    }

    /// A field that may be missing (then `default`), but not null.
    pub fn or<T>(
        &mut self,
        key: &str,
        read: fn(Json) -> Result<T, ReadError>,
        default: T,
    ) -> Result<T, ReadError> {
        match self.take(key) {
            None => Ok(default),
            Some(value) => read(value).map_err(|error| error.in_field(key)),
        }
    }

    pub fn string_or_empty(&mut self, key: &str) -> Result<String, ReadError> {
        self.or(key, read_string, String::new())
    }
}

/// Builds an object in field order, leaving out what the format omits.
#[derive(Default)]
pub struct ObjectBuilder(Vec<(Key, Json)>);

impl ObjectBuilder {
    pub fn new() -> Self {
        ObjectBuilder(Vec::new())
    }

    pub fn field(mut self, key: &'static str, value: Json) -> Self {
        self.0.push((Cow::Borrowed(key), value));
        self
    }

    /// The field when there is a value; nothing at all when there is none.
    pub fn some(self, key: &'static str, value: Option<Json>) -> Self {
        match value {
            Some(value) => self.field(key, value),
            None => self,
        }
    }

    /// A text field left out when empty.
    pub fn text_unless_empty(self, key: &'static str, text: &str) -> Self {
        if text.is_empty() {
            self
        } else {
            self.field(key, Json::from(text))
        }
    }

    /// Appends the fields of another object (a record stored flat inside its parent).
    pub fn extend(mut self, json: Json) -> Self {
        if let Json::Object(fields) = json {
            self.0.extend(fields);
        }
        self
    }

    pub fn build(self) -> Json {
        Json::Object(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .to_compact()
    }

    #[test]
    fn writes_what_it_reads_in_compact_form() {
        for text in [
            "null",
            "true",
            "false",
            "0",
            "18446744073709551615",
            "-9223372036854775808",
            "\"\"",
            "[]",
            "{}",
            r#"{"a":[1,{"b":null}],"c":"x"}"#,
            r#""quote \" backslash \\ newline \n tab \t cr \r bs \b ff \f nul \u0000 us \u001f""#,
            "\"accents é and emoji 😀 and del \u{7f} and / stay\"",
        ] {
            assert_eq!(round_trip(text), text);
        }
    }

    #[test]
    fn escapes_are_read_and_rewritten_in_the_usual_form() {
        assert_eq!(
            round_trip(r#""\/\u00e9\u00E9\ud83d\ude00\u0041""#),
            "\"/éé😀A\""
        );
        assert_eq!(round_trip(" [ 1 , 2 ] "), "[1,2]");
        for number in ["1.5", "1E300", "-0.0", "2.50", "18446744073709551616", "-1e-7"] {
            assert_eq!(round_trip(number), number);
            let value = parse(number).unwrap();
            assert_eq!(value.as_u64(), None, "{number}");
            assert_eq!(value.as_i64(), None, "{number}");
        }
    }

    #[test]
    fn pretty_form_indents_by_two_spaces() {
        let value = parse(r#"{"a":[1,2],"b":{},"c":[],"d":{"e":"f"}}"#).unwrap();
        assert_eq!(
            value.to_pretty(),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": {\n    \"e\": \"f\"\n  }\n}"
        );
    }

    #[test]
    fn errors_say_what_was_expected_and_where() {
        let error = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(
            error.to_string(),
            "expected `:` after a field name at line 3, column 7"
        );
        assert!(!error.truncated);
        let error = parse("{\"é\": x}").unwrap_err();
        assert_eq!((error.line, error.column), (1, 7));
        assert_eq!(error.message, "expected a value");
        for cut in ["{\"a\": [1, 2", "{\"a\": \"tex", "[", "", "{\"a\"", "tr"] {
            let error = parse(cut).unwrap_err();
            assert!(error.truncated, "{cut}: {error}");
        }
        for bad in [
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.x",
            "-a",
            "1e+]",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\nb\"",
            "nul ",
            "[1] 2",
            "{'a': 1}",
        ] {
            let error = parse(bad).unwrap_err();
            assert!(!error.truncated, "{bad}: {error}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        let fine = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn a_key_written_twice_reads_as_its_last_value() {
        let value = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(value.get("a").and_then(Json::as_u64), Some(2));
        let mut fields = Fields::of(value, "an object").unwrap();
        assert_eq!(fields.required("a", read_u64), Ok(2));
    }

    #[test]
    fn fields_give_defaults_and_name_the_field_in_errors() {
        let value = parse(r#"{"list":[1,"x"],"n":null,"s":"t"}"#).unwrap();
        let mut fields = Fields::of(value, "an object").unwrap();
        assert_eq!(fields.optional("n", read_u64), Ok(None));
        assert_eq!(fields.optional("missing", read_u64), Ok(None));
        assert_eq!(fields.or("other", read_u64, 4), Ok(4));
        assert_eq!(fields.string_or_empty("s"), Ok("t".to_string()));
        let error = fields
            .required("list", |json| read_list(json, read_u64))
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: a string, expected a whole number from 0, in list[1]"
        );
        let error = fields.required("gone", read_u64).unwrap_err();
        assert_eq!(error.to_string(), "missing field `gone`");
        let null = Fields::of(parse(r#"{"s":null}"#).unwrap(), "x")
            .unwrap()
            .string_or_empty("s")
            .unwrap_err();
        assert_eq!(
            null.to_string(),
            "invalid type: null, expected a string, in s"
        );
    }
}
