//! The Settings form: the user's details as typed, their validation into [`Settings`], and
//! saving each valid change as it is made (a field that needs a fix keeps its text and its
//! message until fixed; the other fields are saved).

use crate::core::dates;
use crate::core::sort;
use chrono::{NaiveDate, NaiveDateTime, Offset, TimeZone, Weekday};

use crate::core::app::form::{looks_like_email, parse_date, parse_time};
use crate::core::data::backup::{cleaned_text, FieldKind, MAX_HOLIDAYS};
use crate::core::data::settings::{Settings, Theme, Tone, ZoneName, ZoneSetting};
use crate::core::planning::zone::{device_zone_name, with_resolver, NamedZone, UserZone};

/// The days of the week in the order the form shows them.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Offsets in use somewhere that are not whole hours, in minutes east of UTC.
pub const PART_HOUR_OFFSETS: [i32; 12] =
    [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825];
pub const MIN_OFFSET: i32 = -12 * 60;
pub const MAX_OFFSET: i32 = 14 * 60;

/// The form fields that can carry a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsField {
    Name,
    Signature,
    Email,
    Phone,
    Linkedin,
    Zone,
    WorkStart,
    WorkEnd,
    WorkDays,
}

impl SettingsField {
    pub const ALL: [SettingsField; 9] = [
        SettingsField::Name,
        SettingsField::Signature,
        SettingsField::Email,
        SettingsField::Phone,
        SettingsField::Linkedin,
        SettingsField::Zone,
        SettingsField::WorkStart,
        SettingsField::WorkEnd,
        SettingsField::WorkDays,
    ];

    /// The element id of the field's input.
    pub fn id(self) -> &'static str {
        match self {
            SettingsField::Name => "av-set-name",
            SettingsField::Signature => "av-set-signature",
            SettingsField::Email => "av-set-email",
            SettingsField::Phone => "av-set-phone",
            SettingsField::Linkedin => "av-set-linkedin",
            SettingsField::Zone => "av-set-zone",
            SettingsField::WorkStart => "av-set-start",
            SettingsField::WorkEnd => "av-set-end",
            SettingsField::WorkDays => "av-set-days",
        }
    }
}

/// The settings as the form holds them: text exactly as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsForm {
    pub name: String,
    pub signature: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    /// As [`zone_text`] writes it: the device zone, an IANA name, or a fixed offset.
    pub zone: String,
    pub work_start: String,
    pub work_end: String,
    pub work_days: Vec<Weekday>,
    pub holidays: Vec<NaiveDate>,
    pub tone: Tone,
    pub theme: Theme,
}

impl SettingsForm {
    pub fn from_settings(settings: &Settings) -> Self {
        let mut holidays = settings.holidays.clone();
        sort::sort(&mut holidays);
        SettingsForm {
            name: settings.name.clone(),
            signature: settings.signature.clone(),
            email: settings.email.clone(),
            phone: settings.phone.clone(),
            linkedin: settings.linkedin.clone(),
            zone: zone_text(settings.time_zone),
            work_start: dates::clock(settings.work_start),
            work_end: dates::clock(settings.work_end),
            work_days: settings.work_days.clone(),
            holidays,
            tone: settings.tone,
            theme: settings.theme,
        }
    }

    /// Takes changes made elsewhere (the theme button, another tab, an import) for every
    /// field the user has not edited here, so neither side's change is lost.
    pub fn take_outside_changes(&mut self, before: &SettingsForm, after: &SettingsForm) {
        fn take<T: PartialEq + Clone>(mine: &mut T, before: &T, after: &T) {
            if mine == before {
                *mine = after.clone();
            }
        }
        take(&mut self.name, &before.name, &after.name);
        take(&mut self.signature, &before.signature, &after.signature);
        take(&mut self.email, &before.email, &after.email);
        take(&mut self.phone, &before.phone, &after.phone);
        take(&mut self.linkedin, &before.linkedin, &after.linkedin);
        take(&mut self.zone, &before.zone, &after.zone);
        take(&mut self.work_start, &before.work_start, &after.work_start);
        take(&mut self.work_end, &before.work_end, &after.work_end);
        take(&mut self.work_days, &before.work_days, &after.work_days);
        take(&mut self.holidays, &before.holidays, &after.holidays);
        take(&mut self.tone, &before.tone, &after.tone);
        take(&mut self.theme, &before.theme, &after.theme);
    }
}

/// A one-line field cleaned of control characters, or a message when it is too long.
fn line_field(text: &str, what: &str) -> Result<String, String> {
    let text = text.trim();
    let cleaned = cleaned_text(text, FieldKind::Line).unwrap_or_else(|| text.to_string());
    let limit = FieldKind::Line.limit();
    if cleaned.chars().count() > limit {
        return Err(format!(
            "Your {what} is too long; keep it under {limit} characters."
        ));
    }
    Ok(cleaned)
}

/// Turns the draft into settings (keeping what the form does not show from `base`), or lists
/// every field that needs attention.
pub fn validate(
    draft: &SettingsForm,
    base: &Settings,
) -> Result<Settings, Vec<(SettingsField, String)>> {
    let mut errors = Vec::new();
    let mut settings = base.clone();
    let mut check = |field: SettingsField, result: Result<String, String>| match result {
        Ok(value) => value,
        Err(message) => {
            errors.push((field, message));
            String::new()
        }
    };

    settings.name = check(SettingsField::Name, line_field(&draft.name, "name"));
    settings.signature = {
        let text = draft.signature.trim_end();
        let cleaned = cleaned_text(text, FieldKind::Text).unwrap_or_else(|| text.to_string());
        let limit = FieldKind::Text.limit();
        check(
            SettingsField::Signature,
            if cleaned.chars().count() > limit {
                Err(format!(
                    "The signature is too long; keep it under {limit} characters."
                ))
            } else {
                Ok(cleaned)
            },
        )
    };
    settings.email = check(
        SettingsField::Email,
        line_field(&draft.email, "email address").and_then(|email| {
            if email.is_empty() || looks_like_email(&email) {
                Ok(email)
            } else {
                Err("This does not look like an email address; it should read like name@example.com.".into())
            }
        }),
    );
    settings.phone = check(
        SettingsField::Phone,
        line_field(&draft.phone, "phone number").and_then(|phone| {
            let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            if phone.is_empty() || (phone.chars().all(allowed) && digits >= 5) {
                Ok(phone)
            } else {
                Err("Use digits, spaces and + - ( ) only, with the country code if you like: +1 555 010 0000.".into())
            }
        }),
    );
    settings.linkedin = check(
        SettingsField::Linkedin,
        line_field(&draft.linkedin, "LinkedIn address").and_then(|link| {
            if link.chars().any(char::is_whitespace) {
                Err(
                    "A profile address has no spaces; copy it from your browser's address bar."
                        .into(),
                )
            } else {
                Ok(link)
            }
        }),
    );

    match parse_zone(&draft.zone) {
        Ok(zone) => settings.time_zone = zone,
        Err(message) => errors.push((SettingsField::Zone, message)),
    }

    let start = parse_time(&draft.work_start);
    let end = parse_time(&draft.work_end);
    match start {
        Some(start) => settings.work_start = start,
        None => errors.push((
            SettingsField::WorkStart,
            "Enter the time your working day starts, such as 09:00.".into(),
        )),
    }
    match end {
        Some(end) => settings.work_end = end,
        None => errors.push((
            SettingsField::WorkEnd,
            "Enter the time your working day ends, such as 17:30.".into(),
        )),
    }
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            errors.push((
                SettingsField::WorkEnd,
                format!(
                    "The day has to end after it starts ({}).",
                    dates::clock(start)
                ),
            ));
        }
    }

    if draft.work_days.is_empty() {
        errors.push((
            SettingsField::WorkDays,
            "Tick at least one day: follow-ups are only planned on working days.".into(),
        ));
    }
    // Kept in week order so comparing settings does not depend on click order.
    settings.work_days = WEEK
        .iter()
        .copied()
        .filter(|day| draft.work_days.contains(day))
        .collect();
    let mut holidays = draft.holidays.clone();
    sort::sort(&mut holidays);
    holidays.dedup();
    settings.holidays = holidays;
    settings.tone = draft.tone;
    settings.theme = draft.theme;

    if errors.is_empty() {
        Ok(settings)
    } else {
        Err(errors)
    }
}

/// The form's whole state: the draft, its messages, and the saved settings it reconciles with.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsEditor {
    /// The saved settings the draft was last reconciled with.
    pub base: Settings,
    pub draft: SettingsForm,
    /// Messages for fields the user has finished with (left, or chosen from a list).
    pub errors: Vec<(SettingsField, String)>,
    /// Fields the user has finished with: only these show a message, so typing an address
    /// is not interrupted after its first letter.
    pub touched: Vec<SettingsField>,
    pub holiday_text: String,
    pub holiday_error: Option<String>,
    /// Settings with every valid change applied, waiting to be saved; `None` when the saved
    /// settings already hold everything valid.
    pub to_save: Option<Settings>,
}

impl SettingsEditor {
    pub fn new(settings: &Settings) -> Self {
        SettingsEditor {
            base: settings.clone(),
            draft: SettingsForm::from_settings(settings),
            errors: Vec::new(),
            touched: Vec::new(),
            holiday_text: String::new(),
            holiday_error: None,
            to_save: None,
        }
    }

    /// Reopens a draft kept from an earlier visit (text that still needed a fix): every
    /// field counts as finished, so its message shows at once.
    pub fn reopen(settings: &Settings, kept: SettingsForm) -> Self {
        let mut editor = SettingsEditor::new(settings);
        editor.draft = kept;
        editor.touched = SettingsField::ALL.to_vec();
        editor.refresh();
        editor
    }

    /// Marks a field as finished so its message may show, then re-checks.
    pub fn touch(&mut self, field: SettingsField) {
        if !self.touched.contains(&field) {
            self.touched.push(field);
        }
        self.refresh();
    }

    /// Re-checks the draft after any change: valid changes become `to_save`, and each
    /// finished field that needs a fix gets its message.
    pub fn refresh(&mut self) {
        let (settings, errors) = apply_valid(&self.draft, &self.base);
        self.errors = errors
            .into_iter()
            .filter(|(field, _)| self.touched.contains(field))
            .collect();
        self.to_save = (settings != self.base).then_some(settings);
    }

    /// The saved settings changed (this form's own save, the theme button, another tab, an
    /// import): fields not edited here take the new values; edits made here stay.
    pub fn saved(&mut self, settings: &Settings) {
        if self.base == *settings {
            return;
        }
        let before = SettingsForm::from_settings(&self.base);
        let after = SettingsForm::from_settings(settings);
        self.draft.take_outside_changes(&before, &after);
        self.base = settings.clone();
        self.refresh();
    }

    /// Typed text that is not saved because it needs a fix, to keep when the user leaves.
    pub fn unsaved_draft(&self) -> Option<SettingsForm> {
        (self.fields_to_fix() > 0).then(|| self.draft.clone())
    }

    /// How many fields need a fix before they can be saved (touched or not).
    pub fn fields_to_fix(&self) -> usize {
        apply_valid(&self.draft, &self.base).1.len()
    }

    pub fn error(&self, field: SettingsField) -> Option<String> {
        self.errors
            .iter()
            .find(|(which, _)| *which == field)
            .map(|(_, message)| message.clone())
    }

    pub fn clear_error(&mut self, field: SettingsField) {
        self.errors.retain(|(which, _)| *which != field);
    }

    pub fn add_holiday(&mut self) {
        let text = self.holiday_text.trim();
        let Some(date) = parse_date(text) else {
            self.holiday_error = Some(if text.is_empty() {
                "Pick a full date (day, month and year) first; a day that does not exist, such as 31 April, cannot be added.".into()
            } else {
                format!(
                    "“{text}” is not a real date. Use the calendar, or write it as year-month-day."
                )
            });
            return;
        };
        if self.draft.holidays.contains(&date) {
            self.holiday_error = Some(format!(
                "{} is already in the list.",
                dates::long_date(date)
            ));
            return;
        }
        if self.draft.holidays.len() >= MAX_HOLIDAYS {
            self.holiday_error = Some(format!(
                "The list holds at most {MAX_HOLIDAYS} days; remove past ones first."
            ));
            return;
        }
        self.draft.holidays.push(date);
        sort::sort(&mut self.draft.holidays);
        self.holiday_text.clear();
        self.refresh();
        self.holiday_error = None;
    }
}

/// The settings with every valid field of `draft` applied over `base`, and a message for
/// each field that needs a fix (those keep `base`'s value until fixed).
pub fn apply_valid(
    draft: &SettingsForm,
    base: &Settings,
) -> (Settings, Vec<(SettingsField, String)>) {
    let errors = match validate(draft, base) {
        Ok(settings) => return (settings, Vec::new()),
        Err(errors) => errors,
    };
    let saved = SettingsForm::from_settings(base);
    let mut valid_part = draft.clone();
    for (field, _) in &errors {
        valid_part.reset(*field, &saved);
    }
    if let Ok(settings) = validate(&valid_part, base) {
        return (settings, errors);
    }
    // Fields that are only wrong together (the working day ending before it starts).
    valid_part.reset(SettingsField::WorkStart, &saved);
    valid_part.reset(SettingsField::WorkEnd, &saved);
    (
        validate(&valid_part, base).unwrap_or_else(|_| base.clone()),
        errors,
    )
}

impl SettingsForm {
    fn reset(&mut self, field: SettingsField, saved: &SettingsForm) {
        match field {
            SettingsField::Name => self.name = saved.name.clone(),
            SettingsField::Signature => self.signature = saved.signature.clone(),
            SettingsField::Email => self.email = saved.email.clone(),
            SettingsField::Phone => self.phone = saved.phone.clone(),
            SettingsField::Linkedin => self.linkedin = saved.linkedin.clone(),
            SettingsField::Zone => self.zone = saved.zone.clone(),
            SettingsField::WorkStart => self.work_start = saved.work_start.clone(),
            SettingsField::WorkEnd => self.work_end = saved.work_end.clone(),
            SettingsField::WorkDays => self.work_days = saved.work_days.clone(),
        }
    }
}

/// "UTC+05:30" for an offset in minutes east of UTC.
pub fn offset_label(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.abs();
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// What the device zone is called in the zone field.
pub const DEVICE_ZONE: &str = "Device zone";
/// What marks a fixed offset in the zone field ("UTC+02:00 (fixed)").
const FIXED_MARK: &str = "(fixed)";

/// The zone field's text for a setting: "Device zone (Europe/Paris)", "America/Chicago" or
/// "UTC+02:00 (fixed)".
pub fn zone_text(setting: ZoneSetting) -> String {
    match setting {
        ZoneSetting::Device => device_zone_text(),
        ZoneSetting::Named { name } => name.to_string(),
        ZoneSetting::Fixed { offset_minutes } => fixed_zone_text(offset_minutes),
    }
}

/// "Device zone (Europe/Paris)", or just "Device zone" when the device does not say.
pub fn device_zone_text() -> String {
    match device_zone_name() {
        Some(name) => format!("{DEVICE_ZONE} ({name})"),
        None => DEVICE_ZONE.to_string(),
    }
}

/// "UTC+05:30 (fixed)".
pub fn fixed_zone_text(offset_minutes: i32) -> String {
    format!("{} {FIXED_MARK}", offset_label(offset_minutes))
}

/// Reads the zone field: the device zone, a zone the resolver knows (any letter case; the
/// resolver's spelling is kept), or a fixed offset written as "UTC+05:30" (a bare number
/// of minutes, as older forms wrote it, still reads).
pub fn parse_zone(text: &str) -> Result<ZoneSetting, String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if text.is_empty() {
        return Err("Choose a time zone from the list, or the device zone.".into());
    }
    if lower == "device" || lower.starts_with(&DEVICE_ZONE.to_ascii_lowercase()) {
        return Ok(ZoneSetting::Device);
    }
    if let Some(offset_minutes) = parse_fixed(&lower) {
        return if (MIN_OFFSET..=MAX_OFFSET).contains(&offset_minutes) {
            Ok(ZoneSetting::Fixed { offset_minutes })
        } else {
            Err(format!(
                "{} is not a time zone: offsets run from UTC-12:00 to UTC+14:00.",
                offset_label(offset_minutes)
            ))
        };
    }
    let unknown = || {
        format!(
            "“{text}” is not a time zone this browser knows. Pick one from the list; names look like Europe/Paris or America/New_York."
        )
    };
    let name = ZoneName::parse(text).map_err(|_| unknown())?;
    let canonical =
        with_resolver(|resolver| resolver.canonical_name(name.as_str())).ok_or_else(unknown)?;
    let name = ZoneName::parse(&canonical).map_err(|_| unknown())?;
    Ok(ZoneSetting::Named { name })
}

/// A warning when the saved zone is a name this browser does not know (the data came from a
/// browser with a newer zone list, say): plans then use the device zone, and the user should
/// know. `None` for every other setting.
pub fn unknown_zone_note(setting: ZoneSetting) -> Option<String> {
    let ZoneSetting::Named { name } = setting else {
        return None;
    };
    NamedZone::resolve(name).is_none().then(|| {
        format!(
            "This browser does not know the zone {name}, so dates are planned in the device zone. Pick a zone from the list to choose another."
        )
    })
}

/// "Now UTC+02:00": the offset the zone field's zone has at `utc`, or `None` while the
/// field does not name a zone.
pub fn zone_offset_note(text: &str, utc: NaiveDateTime) -> Option<String> {
    let zone = UserZone::from_setting(parse_zone(text).ok()?);
    let seconds = zone.offset_from_utc_datetime(&utc).fix().local_minus_utc();
    Some(format!("Now {}", offset_label(seconds / 60)))
}

/// Minutes east of UTC from "utc+05:30", "utc-3", "utc+02:00 (fixed)" or "-300".
fn parse_fixed(lower: &str) -> Option<i32> {
    if let Ok(minutes) = lower.parse::<i32>() {
        return Some(minutes);
    }
    let rest = lower
        .strip_suffix(FIXED_MARK)
        .unwrap_or(lower)
        .trim()
        .strip_prefix("utc")?
        .trim();
    let (sign, rest) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' | '−' => (-1, rest.trim_start_matches(['-', '−'])),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let hours: i32 = hours.trim().parse().ok()?;
    let minutes: i32 = minutes.trim().parse().ok()?;
    if !(0..60).contains(&minutes) || !(0..=24).contains(&hours) {
        return None;
    }
    Some(sign * (hours * 60 + minutes))
}

/// Whole hours from -12 to +14, the part-hour offsets, and the current value if unusual.
pub fn offset_choices(current: Option<i32>) -> Vec<i32> {
    let mut choices: Vec<i32> = (MIN_OFFSET / 60..=MAX_OFFSET / 60)
        .map(|hours| hours * 60)
        .chain(PART_HOUR_OFFSETS)
        .chain(current.filter(|minutes| (MIN_OFFSET..=MAX_OFFSET).contains(minutes)))
        .collect();
    sort::sort(&mut choices);
    choices.dedup();
    choices
}

pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
