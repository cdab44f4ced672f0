//! The user's own details and preferences: who signs the drafts, when they work, how they write.

use chrono::{NaiveDate, NaiveTime, Weekday};
// Tone keeps serde's derives for the drafts module; the stored format is written by hand below.
use serde::{Deserialize, Serialize};

use crate::core::data::json::{ReadError, Reader, Stored, Writer};
use crate::core::dates;

/// How a draft sounds. Every message kind has a draft in each tone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    #[default]
    Warm,
    Concise,
}

impl Tone {
    pub const ALL: [Tone; 2] = [Tone::Warm, Tone::Concise];

    /// The name used in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Tone::Warm => "warm",
            Tone::Concise => "concise",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tone::Warm => "Warm",
            Tone::Concise => "Concise",
        }
    }
}

/// The farthest a fixed offset may be from UTC, in minutes: real clocks stay within ±14 hours
/// and the date-time standards allow ±18.
pub const MAX_OFFSET_MINUTES: i32 = 18 * 60;

/// Which clock the planner reads dates in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ZoneSetting {
    /// The device's own zone, with its daylight-saving changes.
    #[default]
    Device,
    /// An IANA zone (`Europe/Berlin`), with its daylight-saving changes.
    Named { name: ZoneName },
    /// A fixed offset from UTC, in minutes (east positive).
    Fixed { offset_minutes: i32 },
}

/// The longest zone name accepted; the longest IANA names are about 30 characters.
pub const MAX_ZONE_NAME: usize = 64;

/// An IANA zone name such as `America/Argentina/Buenos_Aires`. Names are kept once for the
/// whole program, so a name is as cheap to copy as a number and settings stay `Copy`.
/// Only the spelling is checked here; whether a zone exists is the resolver's answer.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ZoneName(&'static str);

static ZONE_NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

impl ZoneName {
    /// The name, when it is spelled like a zone name: letters, digits and `/_+-`, at most
    /// [`MAX_ZONE_NAME`] characters, no empty part.
    pub fn parse(text: &str) -> Result<ZoneName, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the time zone name is empty".into());
        }
        if text.len() > MAX_ZONE_NAME {
            return Err(format!(
                "a time zone name has at most {MAX_ZONE_NAME} characters"
            ));
        }
        let spelled = text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '+' | '-'))
            && !text.split('/').any(str::is_empty);
        if !spelled {
            return Err(format!(
                "\"{text}\" is not a time zone name (they look like Europe/Paris)"
            ));
        }
        let mut names = ZONE_NAMES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = names.iter().find(|known| **known == text) {
            return Ok(ZoneName(known));
        }
        let kept: &'static str = Box::leak(text.to_string().into_boxed_str());
        names.push(kept);
        Ok(ZoneName(kept))
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Debug for ZoneName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0, f)
    }
}

impl std::fmt::Display for ZoneName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The colour scheme the user picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The name used in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything the user configures once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The user's full name, used in sign-offs and subject lines.
    pub name: String,
    /// Lines under the name (e.g. "Product designer · Lisbon").
    pub signature: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub time_zone: ZoneSetting,
    /// Working hours for unsolicited messages (rule T13).
    pub work_start: NaiveTime,
    pub work_end: NaiveTime,
    /// Days the user treats as working days (default Monday to Friday).
    pub work_days: Vec<Weekday>,
    /// Public holidays and days off: never a due day for an unsolicited message.
    pub holidays: Vec<NaiveDate>,
    pub tone: Tone,
    pub theme: Theme,
    /// The user finished (or skipped) first-run onboarding.
    pub onboarded: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: String::new(),
            signature: String::new(),
            email: String::new(),
            phone: String::new(),
            linkedin: String::new(),
            time_zone: ZoneSetting::Device,
            work_start: NaiveTime::from_hms_opt(9, 0, 0).expect("valid time"),
            work_end: NaiveTime::from_hms_opt(17, 0, 0).expect("valid time"),
            work_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            holidays: Vec::new(),
            tone: Tone::Warm,
            theme: Theme::Auto,
            onboarded: false,
        }
    }
}

impl Settings {
    /// What makes these settings unusable for planning, as a sentence for the user; `None`
    /// when they are fine. Stored or imported settings with a problem are refused, never
    /// quietly planned with something else.
    pub fn problem(&self) -> Option<String> {
        if let ZoneSetting::Fixed { offset_minutes } = self.time_zone {
            if offset_minutes.unsigned_abs() > MAX_OFFSET_MINUTES.unsigned_abs() {
                return Some(format!(
                    "the time zone is {offset_minutes} minutes from UTC, but a time zone is at most {} hours from UTC",
                    MAX_OFFSET_MINUTES / 60
                ));
            }
        }
        if self.work_start >= self.work_end {
            return Some(format!(
                "the working day starts at {} and ends at {}; the end must come after the start",
                dates::clock(self.work_start),
                dates::clock(self.work_end)
            ));
        }
        if self.work_days.is_empty() {
            return Some("no day of the week is a working day".into());
        }
        None
    }
}

/// Stored as `{"type": "device"}`, `{"type": "named", "name": …}` or
/// `{"type": "fixed", "offset_minutes": …}`.
impl Stored for ZoneSetting {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        match self {
            ZoneSetting::Device => out.field_str("type", "device"),
            ZoneSetting::Named { name } => {
                out.field_str("type", "named");
                out.field_str("name", name.as_str());
            }
            ZoneSetting::Fixed { offset_minutes } => {
                out.field_str("type", "fixed");
                out.key("offset_minutes");
                out.i64(i64::from(*offset_minutes));
            }
        }
        out.end_object();
    }

    /// Only the fields of the kind named by `type` are read: `{"type": "device"}` with a
    /// leftover `offset_minutes` of any shape is still the device zone.
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let (mut kind, mut name, mut minutes) = (None, None, None);
        input.begin_object("a time zone setting (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            let read = match key {
                "type" => input.string().map(|text| kind = Some(text)),
                "name" => input.value().map(|value| name = Some(value)),
                "offset_minutes" => input.value().map(|value| minutes = Some(value)),
                _ => input.skip(),
            };
            read.map_err(|error| error.in_field(key))?;
        }
        let kind = kind.ok_or_else(|| input.missing("type"))?;
        match kind.as_str() {
            "device" => Ok(ZoneSetting::Device),
            "named" => {
                let name = name.ok_or_else(|| input.missing("name"))?;
                let text = name.as_str().ok_or_else(|| {
                    input
                        .shape_error("the time zone name is not a string")
                        .in_field("name")
                })?;
                ZoneName::parse(text)
                    .map(|name| ZoneSetting::Named { name })
                    .map_err(|problem| input.shape_error(problem).in_field("name"))
            }
            "fixed" => {
                let minutes = minutes.ok_or_else(|| input.missing("offset_minutes"))?;
                minutes
                    .as_i64()
                    .and_then(|minutes| i32::try_from(minutes).ok())
                    .map(|offset_minutes| ZoneSetting::Fixed { offset_minutes })
                    .ok_or_else(|| {
                        input
                            .shape_error(format!(
                                "invalid value: {minutes}, expected a whole number of minutes"
                            ))
                            .in_field("offset_minutes")
                    })
            }
            other => Err(input
                .shape_error(format!(
                    "unknown variant `{other}`, expected one of `device`, `named`, `fixed`"
                ))
                .in_field("type")),
        }
    }
}

fn read_time(input: &mut Reader<'_>) -> Result<NaiveTime, ReadError> {
    let text = input.str()?;
    dates::parse_clock(&text)
        .ok_or_else(|| input.shape_error(format!("not a time of day like 09:00: \"{text}\"")))
}

fn read_weekday(input: &mut Reader<'_>) -> Result<Weekday, ReadError> {
    let text = input.str()?;
    dates::parse_weekday(&text)
        .ok_or_else(|| input.shape_error(format!("\"{text}\" is not a day of the week")))
}

fn read_date(input: &mut Reader<'_>) -> Result<NaiveDate, ReadError> {
    input.date()
}

impl Stored for Settings {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_str("name", &self.name);
        out.field_str("signature", &self.signature);
        out.field_str("email", &self.email);
        out.field_str("phone", &self.phone);
        out.field_str("linkedin", &self.linkedin);
        out.key("time_zone");
        self.time_zone.write(out);
        out.field_str("work_start", &self.work_start.to_string());
        out.field_str("work_end", &self.work_end.to_string());
        out.key("work_days");
        out.begin_array();
        for day in &self.work_days {
            out.item();
            out.string(&day.to_string());
        }
        out.end_array();
        out.key("holidays");
        out.begin_array();
        for day in &self.holidays {
            out.item();
            out.date(day);
        }
        out.end_array();
        out.field_str("tone", self.tone.slug());
        out.field_str("theme", self.theme.slug());
        out.field_bool("onboarded", self.onboarded);
        out.end_object();
    }

    /// A missing field reads as its default (see [`Settings::default`]).
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut settings = Settings::default();
        input.begin_object("the settings (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            let read = match key {
                "name" => input.string().map(|text| settings.name = text),
                "signature" => input.string().map(|text| settings.signature = text),
                "email" => input.string().map(|text| settings.email = text),
                "phone" => input.string().map(|text| settings.phone = text),
                "linkedin" => input.string().map(|text| settings.linkedin = text),
                "time_zone" => ZoneSetting::read(input).map(|zone| settings.time_zone = zone),
                "work_start" => read_time(input).map(|time| settings.work_start = time),
                "work_end" => read_time(input).map(|time| settings.work_end = time),
                "work_days" => input
                    .list("a list of days", read_weekday)
                    .map(|days| settings.work_days = days),
                "holidays" => input
                    .list("a list of days", read_date)
                    .map(|days| settings.holidays = days),
                "tone" => input
                    .name(&Tone::ALL, Tone::slug)
                    .map(|tone| settings.tone = tone),
                "theme" => input
                    .name(&Theme::ALL, Theme::slug)
                    .map(|theme| settings.theme = theme),
                "onboarded" => input.bool().map(|done| settings.onboarded = done),
                _ => input.skip(),
            };
            read.map_err(|error| error.in_field(key))?;
        }
        Ok(settings)
    }
}
