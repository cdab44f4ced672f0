//! JSON for the stored format: a value tree, a parser that says where text stops making sense,
//! and a writer whose output is byte for byte what the format has always been.
//!
//! Deliberately small and non-generic: the browser build carries this one reader and writer
//! instead of a serialisation framework instantiated for every record type. Records are
//! written and read by hand (see [`Stored`]) straight between text and Rust values, with a
//! [`Writer`] and a [`Reader`]: no tree in between, as loading is on the start-up path. The
//! [`Json`] tree is for the rare work on a document's shape: migrations, the indented backup
//! form, the field-by-field merge of an edit.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

/// An object key: borrowed when the program names it, owned when read from text.
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
                crate::core::sort::sort_by(fields, |(a, _), (b, _)| a.cmp(b));
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
// Writing records

/// Writes compact JSON straight from Rust values, in the order the calls come. Keys are the
/// program's own field names, which never need escaping.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// No value written yet in the current object or list (so no comma before the next).
    first: bool,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    pub fn begin_object(&mut self) {
        self.out.push('{');
        self.first = true;
    }

    pub fn end_object(&mut self) {
        self.out.push('}');
        self.first = false;
    }

    pub fn begin_array(&mut self) {
        self.out.push('[');
        self.first = true;
    }

    pub fn end_array(&mut self) {
        self.out.push(']');
        self.first = false;
    }

    /// Starts the next field of an object; its value comes next.
    pub fn key(&mut self, key: &'static str) {
        self.comma();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    /// Starts the next item of a list.
    pub fn item(&mut self) {
        self.comma();
    }

    pub fn string(&mut self, text: &str) {
        write_string(&mut self.out, text);
    }

    pub fn u64(&mut self, value: u64) {
        write_unsigned(&mut self.out, value);
    }

    pub fn i64(&mut self, value: i64) {
        write_number(&mut self.out, &Number::from(value));
    }

    pub fn bool(&mut self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// A timestamp as the format writes it (see [`Json::stamp`]).
    pub fn stamp(&mut self, at: &DateTime<FixedOffset>) {
        self.string(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    }

    /// A day as the format writes it: `2026-03-09`.
    pub fn date(&mut self, day: &NaiveDate) {
        self.string(&day.to_string());
    }

    pub fn field_str(&mut self, key: &'static str, text: &str) {
        self.key(key);
        self.string(text);
    }

    pub fn field_u64(&mut self, key: &'static str, value: u64) {
        self.key(key);
        self.u64(value);
    }

    pub fn field_bool(&mut self, key: &'static str, value: bool) {
        self.key(key);
        self.bool(value);
    }

    pub fn field_stamp(&mut self, key: &'static str, at: &DateTime<FixedOffset>) {
        self.key(key);
        self.stamp(at);
    }

    /// The field when there is a value; nothing at all when there is none.
    pub fn field_u64_some(&mut self, key: &'static str, value: Option<u64>) {
        if let Some(value) = value {
            self.field_u64(key, value);
        }
    }

    pub fn field_stamp_some(&mut self, key: &'static str, at: Option<&DateTime<FixedOffset>>) {
        if let Some(at) = at {
            self.field_stamp(key, at);
        }
    }

    pub fn field_date_some(&mut self, key: &'static str, day: Option<&NaiveDate>) {
        if let Some(day) = day {
            self.key(key);
            self.date(day);
        }
    }

    /// A text field left out when empty.
    pub fn field_str_unless_empty(&mut self, key: &'static str, text: &str) {
        if !text.is_empty() {
            self.field_str(key, text);
        }
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        match u64::try_from(value) {
            Ok(unsigned) => Number::Unsigned(unsigned),
            Err(_) => Number::Negative(value),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// What kind of problem a [`ReadError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ends in the middle of a value (a file cut off while copying).
    Truncated,
    /// Not JSON.
    Syntax,
    /// JSON, but not the record expected: a missing field, a value of the wrong kind.
    Shape,
}

/// Why text could not be read, and where: the line and column (counted from 1, the column in
/// characters) and, for a record, the field (`data.processes[2].events[0].until`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError(Box<ErrorDetail>);

/// What a [`ReadError`] holds (boxed: reading returns results everywhere, and a small error
/// keeps them cheap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetail {
    pub kind: ErrorKind,
    /// What was expected or found, in words.
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// From the outside in: field names and list positions.
    path: Vec<String>,
}

impl std::ops::Deref for ReadError {
    type Target = ErrorDetail;

    fn deref(&self) -> &ErrorDetail {
        &self.0
    }
}

impl ReadError {
    /// The same error, one field further out.
    pub fn in_field(mut self, key: &str) -> Self {
        self.0.path.insert(0, key.to_string());
        self
    }

    /// The same error, inside the list item at `index`.
    pub fn in_item(mut self, index: usize) -> Self {
        self.0.path.insert(0, format!("[{index}]"));
        self
    }

    /// What is wrong and in which field, without the line and column (for text the user
    /// never saw, such as a document rewritten by a migration).
    pub fn describe(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}, in {}", self.message, self.path())
        }
    }

    /// Where in the record, as `data.processes[2].events[0]`; empty at the top.
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
        write!(
            f,
            "{} at line {}, column {}",
            self.describe(),
            self.line,
            self.column
        )
    }
}

impl std::error::Error for ReadError {}

/// Deeper nesting than any document of the format is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// Reads JSON text one value at a time, straight into Rust values; [`Reader::value`] reads
/// a whole [`Json`] tree.
pub struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

/// Reads one JSON document (surrounding whitespace allowed, nothing else after it) as a tree.
pub fn parse(text: &str) -> Result<Json, ReadError> {
    Reader::new(text).document(Reader::value)
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    /// Reads the whole text as one value with `read`; only whitespace may follow.
    pub fn document<T>(
        mut self,
        read: fn(&mut Reader<'a>) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        let value = read(&mut self)?;
        self.skip_space();
        if self.at < self.bytes.len() {
            return Err(self.syntax("unexpected text after the end of the document"));
        }
        Ok(value)
    }

    fn error_at(&self, kind: ErrorKind, message: String) -> ReadError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        ReadError(Box::new(ErrorDetail {
            kind,
            message,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            path: Vec::new(),
        }))
    }

    /// Text that is not JSON (or ends too early) at the current place.
    fn syntax(&self, message: &str) -> ReadError {
        let kind = if self.at >= self.bytes.len() {
            ErrorKind::Truncated
        } else {
            ErrorKind::Syntax
        };
        self.error_at(kind, message.to_string())
    }

    /// Well-formed JSON that is not what the record needs, at the current place.
    pub fn shape_error(&self, message: impl Into<String>) -> ReadError {
        self.error_at(ErrorKind::Shape, message.into())
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next significant byte, without taking it.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.at).copied()
    }

    /// The error for a value of the wrong kind where `expected` was wanted.
    pub fn wrong_type(&mut self, expected: &str) -> ReadError {
        let found = match self.peek() {
            None => return self.syntax("expected a value"),
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "a list",
            Some(b't' | b'f') => "true or false",
            Some(b'n') => "null",
            Some(b'-') => "a negative number",
            Some(b'0'..=b'9') => "a number",
            Some(_) => return self.syntax("expected a value"),
        };
        self.shape_error(format!("invalid type: {found}, expected {expected}"))
    }

    /// Takes `null` when it comes next; says whether it did.
    pub fn null(&mut self) -> Result<bool, ReadError> {
        if self.peek() == Some(b'n') {
            self.word("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    fn word(&mut self, word: &str) -> Result<(), ReadError> {
        for &expected in word.as_bytes() {
            match self.bytes.get(self.at) {
                Some(&byte) if byte == expected => self.at += 1,
                _ => return Err(self.syntax(&format!("expected `{word}`"))),
            }
        }
        Ok(())
    }

    pub fn bool(&mut self) -> Result<bool, ReadError> {
        match self.peek() {
            Some(b't') => self.word("true").map(|()| true),
            Some(b'f') => self.word("false").map(|()| false),
            _ => Err(self.wrong_type("true or false")),
        }
    }

    /// A string value.
    pub fn string(&mut self) -> Result<String, ReadError> {
        self.str().map(Cow::into_owned)
    }

    /// A string value, borrowed from the text when it has no escapes (for values that are
    /// parsed further, such as timestamps and names, so reading them allocates nothing).
    pub fn str(&mut self) -> Result<Cow<'a, str>, ReadError> {
        if self.peek() != Some(b'"') {
            return Err(self.wrong_type("a string"));
        }
        self.raw_string()
    }

    /// A whole number from zero up.
    pub fn u64(&mut self) -> Result<u64, ReadError> {
        let start = self.at;
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => match self.number()? {
                Number::Unsigned(value) => Ok(value),
                _ => {
                    self.at = start;
                    self.skip_space();
                    Err(self.shape_error(format!(
                        "invalid value: {}, expected a whole number from 0",
                        self.number_text()
                    )))
                }
            },
            _ => Err(self.wrong_type("a whole number from 0")),
        }
    }

    /// A whole number that fits in 64 signed bits.
    pub fn i64(&mut self) -> Result<i64, ReadError> {
        let start = self.at;
        let number = match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.wrong_type("a whole number")),
        };
        match number {
            Number::Unsigned(value) => i64::try_from(value).ok(),
            Number::Negative(value) => Some(value),
            Number::Written(_) => None,
        }
        .ok_or_else(|| {
            self.at = start;
            self.skip_space();
            self.shape_error(format!(
                "invalid value: {}, expected a whole number",
                self.number_text()
            ))
        })
    }

    /// The number text at the current place, for an error message.
    fn number_text(&self) -> &'a str {
        let rest = &self.text[self.at..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.')))
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// Starts reading an object; `what` names it for the error when something else is there.
    pub fn begin_object(&mut self, what: &str) -> Result<(), ReadError> {
        if self.peek() != Some(b'{') {
            return Err(self.wrong_type(what));
        }
        self.descend()?;
        self.at += 1;
        Ok(())
    }

    fn descend(&mut self) -> Result<(), ReadError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("nested too deeply"));
        }
        Ok(())
    }

    /// Whether the last byte read (whitespace aside) is `byte`: `{` or `[` right after a
    /// container opened, where no comma may come.
    fn follows(&self, byte: u8) -> bool {
        self.bytes[..self.at]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
            == Some(&byte)
    }

    /// The next key of the object being read, or `None` at its end (after `begin_object`).
    pub fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, ReadError> {
        let first = self.follows(b'{');
        let mut next = self.peek();
        if next == Some(b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(None);
        }
        if !first {
            if next != Some(b',') {
                return Err(self.syntax("expected `,` or `}`"));
            }
            self.at += 1;
            next = self.peek();
        }
        if next != Some(b'"') {
            return Err(self.syntax("expected a field name in double quotes"));
        }
        let key = self.raw_string()?;
        if self.peek() != Some(b':') {
            return Err(self.syntax("expected `:` after a field name"));
        }
        self.at += 1;
        self.skip_space();
        Ok(Some(key))
    }

    /// Starts reading a list; `what` names it for the error when something else is there.
    pub fn begin_array(&mut self, what: &str) -> Result<(), ReadError> {
        if self.peek() != Some(b'[') {
            return Err(self.wrong_type(what));
        }
        self.descend()?;
        self.at += 1;
        Ok(())
    }

    /// Whether another item follows in the list being read (after `begin_array`).
    pub fn next_item(&mut self) -> Result<bool, ReadError> {
        let first = self.follows(b'[');
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.at += 1;
                Ok(true)
            }
            None => Err(self.syntax("expected a value")),
            _ if first => Ok(true),
            _ => Err(self.syntax("expected `,` or `]`")),
        }
    }

    /// Every item of a list, each read by `read`; an error says which item.
    pub fn list<T>(
        &mut self,
        what: &str,
        read: fn(&mut Reader<'a>) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, ReadError> {
        self.begin_array(what)?;
        let mut items = Vec::new();
        while self.next_item()? {
            let index = items.len();
            items.push(read(self).map_err(|error| error.in_item(index))?);
        }
        Ok(items)
    }

    /// Passes over one value of any kind (a field this build does not know).
    pub fn skip(&mut self) -> Result<(), ReadError> {
        match self.peek() {
            Some(b'{') => {
                self.begin_object("an object")?;
                while self.next_key()?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'[') => {
                self.begin_array("a list")?;
                while self.next_item()? {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'"') => self.raw_string().map(drop),
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(self.syntax("expected a value")),
        }
    }

    /// Reads any value as a tree.
    pub fn value(&mut self) -> Result<Json, ReadError> {
        match self.peek() {
            Some(b'{') => {
                self.begin_object("an object")?;
                let mut fields = Vec::new();
                while let Some(key) = self.next_key()? {
                    let key: Key = Cow::Owned(key.into_owned());
                    fields.push((key, self.value()?));
                }
                Ok(Json::Object(fields))
            }
            Some(b'[') => {
                self.begin_array("a list")?;
                let mut items = Vec::new();
                while self.next_item()? {
                    items.push(self.value()?);
                }
                Ok(Json::Array(items))
            }
            Some(b'"') => self
                .raw_string()
                .map(|text| Json::String(text.into_owned())),
            Some(b't' | b'f') => self.bool().map(Json::Bool),
            Some(b'n') => self.word("null").map(|()| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            _ => Err(self.syntax("expected a value")),
        }
    }

    fn number(&mut self) -> Result<Number, ReadError> {
        let start = self.at;
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.syntax("expected a digit")),
        }
        let mut whole = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            whole = false;
            self.at += 1;
            if !self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                return Err(self.syntax("expected a digit after the decimal point"));
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
                return Err(self.syntax("expected a digit in the exponent"));
            }
            self.digits();
        }
        let text = &self.text[start..self.at];
        if whole {
            if negative {
                if let Ok(value) = text.parse::<i64>() {
                    return Ok(Number::from(value));
                }
            } else if let Ok(value) = text.parse::<u64>() {
                return Ok(Number::Unsigned(value));
            }
        }
        Ok(Number::Written(text.to_string()))
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    /// Reads a string starting at its opening quote; borrowed when it has no escapes.
    fn raw_string(&mut self) -> Result<Cow<'a, str>, ReadError> {
        self.at += 1;
        let text: &'a str = self.text;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut plain_from = start;
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.syntax("the text ends inside a string"));
            };
            match byte {
                b'"' => {
                    let tail = &text[plain_from..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        Some(mut built) => {
                            built.push_str(tail);
                            Cow::Owned(built)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                b'\\' => {
                    let built = owned.get_or_insert_with(String::new);
                    built.push_str(&text[plain_from..self.at]);
                    self.at += 1;
                    let escaped = self.escape()?;
                    owned.get_or_insert_with(String::new).push(escaped);
                    plain_from = self.at;
                }
                0x00..=0x1f => {
                    return Err(self.syntax("a control character must be escaped inside a string"))
                }
                _ => self.at += 1,
            }
        }
    }

    /// Reads what follows a backslash.
    fn escape(&mut self) -> Result<char, ReadError> {
        let Some(&byte) = self.bytes.get(self.at) else {
            return Err(self.syntax("the text ends inside a string"));
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
                    return Err(self.syntax("a lone low surrogate in a \\u escape"));
                }
                if !(0xd800..0xdc00).contains(&first) {
                    return char::from_u32(first)
                        .ok_or_else(|| self.syntax("an invalid \\u escape"));
                }
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.syntax("a high surrogate without its low half"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xdc00..0xe000).contains(&second) {
                    return Err(self.syntax("a high surrogate without its low half"));
                }
                let code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                char::from_u32(code).ok_or_else(|| self.syntax("an invalid \\u escape"))?
            }
            _ => {
                self.at -= 1;
                return Err(self.syntax("an unknown escape after a backslash"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.at)
                .and_then(|&byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.syntax("expected four hex digits after \\u"))?;
            value = value * 16 + digit;
            self.at += 1;
        }
        Ok(value)
    }

    // Values of the stored format.

    /// A timestamp: the form the format writes, or any other RFC 3339 form chrono reads.
    pub fn stamp(&mut self) -> Result<DateTime<FixedOffset>, ReadError> {
        let start = self.at;
        let text = self.str()?;
        crate::core::data::model::parse_stamp(&text).map_err(|error| {
            self.at = start;
            self.skip_space();
            self.shape_error(format!("{error}: \"{text}\""))
        })
    }

    /// A day written `YYYY-MM-DD`.
    pub fn date(&mut self) -> Result<NaiveDate, ReadError> {
        let start = self.at;
        let text = self.str()?;
        crate::core::dates::parse_iso_date(&text).ok_or_else(|| {
            self.at = start;
            self.skip_space();
            self.shape_error(format!("not a date like 2026-03-09: \"{text}\""))
        })
    }

    /// One of the names in `all` (kebab-case words, as `slug` writes them).
    pub fn name<T: Copy>(
        &mut self,
        all: &[T],
        slug: fn(T) -> &'static str,
    ) -> Result<T, ReadError> {
        let start = self.at;
        let text = self.str()?;
        all.iter()
            .copied()
            .find(|item| slug(*item) == text)
            .ok_or_else(|| {
                self.at = start;
                self.skip_space();
                let names: Vec<String> = all
                    .iter()
                    .map(|item| format!("`{}`", slug(*item)))
                    .collect();
                self.shape_error(format!(
                    "unknown variant `{text}`, expected one of {}",
                    names.join(", ")
                ))
            })
    }

    /// The error for a field that must be there, at the end of its object.
    pub fn missing(&self, key: &str) -> ReadError {
        self.shape_error(format!("missing field `{key}`"))
    }
}

/// A record kept in the stored format: written and read straight as text.
pub trait Stored: Sized {
    fn write(&self, out: &mut Writer);
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError>;

    /// The compact text.
    fn to_text(&self) -> String {
        let mut out = Writer::new();
        self.write(&mut out);
        out.finish()
    }

    /// Reads a whole document holding one record.
    fn from_text(text: &str) -> Result<Self, ReadError> {
        Reader::new(text).document(Self::read)
    }

    /// The record as a tree (for work on its shape, such as merging two edits field by field).
    fn to_json(&self) -> Json {
        parse(&self.to_text()).expect("the writer writes JSON")
    }

    /// Reads the record from a tree.
    fn from_json(json: &Json) -> Result<Self, ReadError> {
        Self::from_text(&json.to_compact())
    }
}

/// Builds an object in field order, leaving out what the format omits (for output built as a
/// tree, such as the command-line tool's).
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
            "[[],{},[1]]",
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
        assert_eq!(
            round_trip("{ \"a\" : 1 , \"b\" : [ ] }"),
            r#"{"a":1,"b":[]}"#
        );
        for number in [
            "1.5",
            "1E300",
            "-0.0",
            "2.50",
            "18446744073709551616",
            "-1e-7",
        ] {
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
        assert_eq!(error.kind, ErrorKind::Syntax);
        let error = parse("{\"é\": x}").unwrap_err();
        assert_eq!((error.line, error.column), (1, 7));
        assert_eq!(error.message, "expected a value");
        for cut in [
            "{\"a\": [1, 2",
            "{\"a\": \"tex",
            "[",
            "",
            "{\"a\"",
            "tr",
            "1.",
            "-",
            "{\"a\":1,",
        ] {
            let error = parse(cut).unwrap_err();
            assert_eq!(error.kind, ErrorKind::Truncated, "{cut}: {error}");
        }
        for bad in [
            "[1,]",
            "[,1]",
            "[1 2]",
            "{\"a\":1,}",
            "{,\"a\":1}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,,\"b\":2}",
            "{1:2}",
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
            assert_eq!(error.kind, ErrorKind::Syntax, "{bad}: {error}");
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
    }

    #[test]
    fn the_writer_writes_what_the_tree_writes() {
        let mut out = Writer::new();
        out.begin_object();
        out.field_u64("id", 7);
        out.key("list");
        out.begin_array();
        for n in [-1i64, 2] {
            out.item();
            out.i64(n);
        }
        out.item();
        out.begin_object();
        out.end_object();
        out.end_array();
        out.field_str_unless_empty("empty", "");
        out.field_str("text", "a\"b");
        out.field_bool("yes", true);
        out.field_u64_some("none", None);
        out.end_object();
        let text = out.finish();
        assert_eq!(
            text,
            r#"{"id":7,"list":[-1,2,{}],"text":"a\"b","yes":true}"#
        );
        assert_eq!(round_trip(&text), text);
    }

    #[test]
    fn values_of_the_wrong_kind_are_named_with_their_place() {
        let read = |text: &str| {
            Reader::new(text).document(|input| {
                input.begin_object("an object")?;
                let mut total = 0;
                while let Some(key) = input.next_key()? {
                    let key = key.into_owned();
                    let items = input
                        .list("a list", Reader::u64)
                        .map_err(|error| error.in_field(&key))?;
                    total += items.iter().sum::<u64>();
                }
                Ok(total)
            })
        };
        assert_eq!(read(r#"{"a":[1,2],"b":[]}"#), Ok(3));
        let error = read("{\"a\":[1,\n\"x\"]}").unwrap_err();
        assert_eq!(error.kind, ErrorKind::Shape);
        assert_eq!(
            error.to_string(),
            "invalid type: a string, expected a whole number from 0, in a[1] at line 2, column 1"
        );
        let error = read(r#"{"a":[-3]}"#).unwrap_err();
        assert_eq!(
            error.message,
            "invalid value: -3, expected a whole number from 0"
        );
        let error = read(r#"{"a":null}"#).unwrap_err();
        assert_eq!(error.message, "invalid type: null, expected a list");
        assert_eq!(read(r#"{"a":[1]} x"#).unwrap_err().kind, ErrorKind::Syntax);
    }
}
