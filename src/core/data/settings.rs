//! The user's own details and preferences: who signs the drafts, when they work, how they write.

use chrono::{NaiveDate, NaiveTime, Weekday};
// Tone keeps serde's derives for the drafts module; the stored format is written by hand below.
use serde::{Deserialize, Serialize};

use crate::core::data::json::{
    read_bool, read_date, read_list, read_name, read_string, Fields, Json, ObjectBuilder,
    ReadError, Stored,
};
use crate::core::data::model::read_zone_name;

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
                self.work_start.format("%H:%M"),
                self.work_end.format("%H:%M")
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
    fn to_json(&self) -> Json {
        match self {
            ZoneSetting::Device => ObjectBuilder::new().field("type", Json::from("device")),
            ZoneSetting::Named { name } => ObjectBuilder::new()
                .field("type", Json::from("named"))
                .field("name", Json::from(name.as_str())),
            ZoneSetting::Fixed { offset_minutes } => ObjectBuilder::new()
                .field("type", Json::from("fixed"))
                .field("offset_minutes", Json::from(i64::from(*offset_minutes))),
        }
        .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "a time zone setting (an object)")?;
        let kind = fields.required("type", read_string)?;
        match kind.as_str() {
            "device" => Ok(ZoneSetting::Device),
            "named" => Ok(ZoneSetting::Named {
                name: fields.required("name", read_zone_name)?,
            }),
            "fixed" => Ok(ZoneSetting::Fixed {
                offset_minutes: fields.required("offset_minutes", read_minutes)?,
            }),
            other => Err(ReadError::new(format!(
                "unknown variant `{other}`, expected one of `device`, `named`, `fixed`"
            ))
            .in_field("type")),
        }
    }
}

fn read_minutes(json: Json) -> Result<i32, ReadError> {
    json.as_i64()
        .and_then(|minutes| i32::try_from(minutes).ok())
        .ok_or_else(|| crate::core::data::json::wrong_type(&json, "a whole number of minutes"))
}

fn read_time(json: Json) -> Result<NaiveTime, ReadError> {
    let text = read_string(json)?;
    text.parse()
        .map_err(|error| ReadError::new(format!("{error}: \"{text}\"")))
}

fn read_weekday(json: Json) -> Result<Weekday, ReadError> {
    let text = read_string(json)?;
    text.parse()
        .map_err(|_| ReadError::new(format!("\"{text}\" is not a day of the week")))
}

impl Stored for Settings {
    fn to_json(&self) -> Json {
        let text = |value: &str| Json::from(value);
        ObjectBuilder::new()
            .field("name", text(&self.name))
            .field("signature", text(&self.signature))
            .field("email", text(&self.email))
            .field("phone", text(&self.phone))
            .field("linkedin", text(&self.linkedin))
            .field("time_zone", self.time_zone.to_json())
            .field("work_start", Json::String(self.work_start.to_string()))
            .field("work_end", Json::String(self.work_end.to_string()))
            .field(
                "work_days",
                Json::Array(
                    self.work_days
                        .iter()
                        .map(|day| Json::String(day.to_string()))
                        .collect(),
                ),
            )
            .field(
                "holidays",
                Json::Array(self.holidays.iter().map(Json::date).collect()),
            )
            .field("tone", text(self.tone.slug()))
            .field("theme", text(self.theme.slug()))
            .field("onboarded", Json::Bool(self.onboarded))
            .build()
    }

    /// A missing field reads as its default (see [`Settings::default`]).
    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "the settings (an object)")?;
        let default = Settings::default();
        Ok(Settings {
            name: fields.or("name", read_string, default.name)?,
            signature: fields.or("signature", read_string, default.signature)?,
            email: fields.or("email", read_string, default.email)?,
            phone: fields.or("phone", read_string, default.phone)?,
            linkedin: fields.or("linkedin", read_string, default.linkedin)?,
            time_zone: fields.or("time_zone", ZoneSetting::from_json, default.time_zone)?,
            work_start: fields.or("work_start", read_time, default.work_start)?,
            work_end: fields.or("work_end", read_time, default.work_end)?,
            work_days: fields.or(
                "work_days",
                |json| read_list(json, read_weekday),
                default.work_days,
            )?,
            holidays: fields.or(
                "holidays",
                |json| read_list(json, read_date),
                default.holidays,
            )?,
            tone: fields.or(
                "tone",
                |json| read_name(json, &Tone::ALL, Tone::slug),
                default.tone,
            )?,
            theme: fields.or(
                "theme",
                |json| read_name(json, &Theme::ALL, Theme::slug),
                default.theme,
            )?,
            onboarded: fields.or("onboarded", read_bool, default.onboarded)?,
        })
    }
}
