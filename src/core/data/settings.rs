//! The user's own details and preferences: who signs the drafts, when they work, how they write.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "kebab-case")]
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

impl Serialize for ZoneName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for ZoneName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        ZoneName::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The colour scheme the user picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// Everything the user configures once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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
