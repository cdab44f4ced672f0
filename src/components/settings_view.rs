//! Settings: the user's details, time zone, working hours, holidays, tone and theme.
//!
//! The form edits a text copy of the settings; only Save turns it into [`Settings`], after
//! checking every field, so a failed save loses nothing the user typed.

use std::rc::Rc;

use chrono::{NaiveDate, Weekday};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::data_panel::DataPanel;
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::core::backup::{cleaned_text, FieldKind, MAX_HOLIDAYS};
use crate::core::form::{looks_like_email, parse_date, parse_time};
use crate::core::settings::{Settings, Theme, Tone, ZoneSetting};
use crate::hooks::use_app;
use crate::state::Msg;

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Offsets in use somewhere that are not whole hours, in minutes east of UTC.
const PART_HOUR_OFFSETS: [i32; 12] = [-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825];
const MIN_OFFSET: i32 = -12 * 60;
const MAX_OFFSET: i32 = 14 * 60;

/// The form fields that can carry a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
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

impl Field {
    fn id(self) -> &'static str {
        match self {
            Field::Name => "av-set-name",
            Field::Signature => "av-set-signature",
            Field::Email => "av-set-email",
            Field::Phone => "av-set-phone",
            Field::Linkedin => "av-set-linkedin",
            Field::Zone => "av-set-zone",
            Field::WorkStart => "av-set-start",
            Field::WorkEnd => "av-set-end",
            Field::WorkDays => "av-set-days",
        }
    }
}

/// The settings as the form holds them: text exactly as typed.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    name: String,
    signature: String,
    email: String,
    phone: String,
    linkedin: String,
    /// `device`, or a fixed offset in minutes.
    zone: String,
    work_start: String,
    work_end: String,
    work_days: Vec<Weekday>,
    holidays: Vec<NaiveDate>,
    tone: Tone,
    theme: Theme,
}

impl Draft {
    fn from_settings(settings: &Settings) -> Self {
        let mut holidays = settings.holidays.clone();
        holidays.sort();
        Draft {
            name: settings.name.clone(),
            signature: settings.signature.clone(),
            email: settings.email.clone(),
            phone: settings.phone.clone(),
            linkedin: settings.linkedin.clone(),
            zone: match settings.time_zone {
                ZoneSetting::Device => "device".into(),
                ZoneSetting::Fixed { offset_minutes } => offset_minutes.to_string(),
            },
            work_start: settings.work_start.format("%H:%M").to_string(),
            work_end: settings.work_end.format("%H:%M").to_string(),
            work_days: settings.work_days.clone(),
            holidays,
            tone: settings.tone,
            theme: settings.theme,
        }
    }

    /// Takes changes made elsewhere (the theme button, another tab, an import) for every
    /// field the user has not edited here, so neither side's change is lost.
    fn take_outside_changes(&mut self, before: &Draft, after: &Draft) {
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
fn validate(draft: &Draft, base: &Settings) -> Result<Settings, Vec<(Field, String)>> {
    let mut errors = Vec::new();
    let mut settings = base.clone();
    let mut check = |field: Field, result: Result<String, String>| match result {
        Ok(value) => value,
        Err(message) => {
            errors.push((field, message));
            String::new()
        }
    };

    settings.name = check(Field::Name, line_field(&draft.name, "name"));
    settings.signature = {
        let text = draft.signature.trim_end();
        let cleaned = cleaned_text(text, FieldKind::Text).unwrap_or_else(|| text.to_string());
        let limit = FieldKind::Text.limit();
        check(
            Field::Signature,
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
        Field::Email,
        line_field(&draft.email, "email address").and_then(|email| {
            if email.is_empty() || looks_like_email(&email) {
                Ok(email)
            } else {
                Err("This does not look like an email address; it should read like name@example.com.".into())
            }
        }),
    );
    settings.phone = check(
        Field::Phone,
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
        Field::Linkedin,
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

    match draft.zone.as_str() {
        "device" => settings.time_zone = ZoneSetting::Device,
        minutes => match minutes.parse::<i32>() {
            Ok(offset_minutes) if (MIN_OFFSET..=MAX_OFFSET).contains(&offset_minutes) => {
                settings.time_zone = ZoneSetting::Fixed { offset_minutes };
            }
            _ => errors.push((Field::Zone, "Choose a time zone from the list.".into())),
        },
    }

    let start = parse_time(&draft.work_start);
    let end = parse_time(&draft.work_end);
    match start {
        Some(start) => settings.work_start = start,
        None => errors.push((
            Field::WorkStart,
            "Enter the time your working day starts, such as 09:00.".into(),
        )),
    }
    match end {
        Some(end) => settings.work_end = end,
        None => errors.push((
            Field::WorkEnd,
            "Enter the time your working day ends, such as 17:30.".into(),
        )),
    }
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            errors.push((
                Field::WorkEnd,
                format!(
                    "The day has to end after it starts ({}).",
                    start.format("%H:%M")
                ),
            ));
        }
    }

    if draft.work_days.is_empty() {
        errors.push((
            Field::WorkDays,
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
    holidays.sort();
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

/// The form's whole state: the draft, its messages, and the settings it started from.
#[derive(Clone, Debug, PartialEq)]
struct FormState {
    /// The saved settings the draft was last reconciled with.
    base: Settings,
    draft: Draft,
    errors: Vec<(Field, String)>,
    holiday_text: String,
    holiday_error: Option<String>,
    /// A sentence after a failed save.
    summary: Option<String>,
    /// Bumped after a failed save so the first marked field gets focus once rendered.
    focus_request: u32,
}

impl FormState {
    fn new(settings: &Settings) -> Self {
        FormState {
            base: settings.clone(),
            draft: Draft::from_settings(settings),
            errors: Vec::new(),
            holiday_text: String::new(),
            holiday_error: None,
            summary: None,
            focus_request: 0,
        }
    }

    fn error(&self, field: Field) -> Option<String> {
        self.errors
            .iter()
            .find(|(which, _)| *which == field)
            .map(|(_, message)| message.clone())
    }

    fn clear_error(&mut self, field: Field) {
        self.errors.retain(|(which, _)| *which != field);
    }

    fn add_holiday(&mut self) {
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
                date.format("%-d %B %Y")
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
        self.draft.holidays.sort();
        self.holiday_text.clear();
        self.holiday_error = None;
    }
}

/// A change to the form, applied by the reducer so quick edits never overwrite each other.
struct FormChange(Box<dyn FnOnce(&mut FormState)>);

impl Reducible for FormState {
    type Action = FormChange;

    fn reduce(self: Rc<Self>, change: FormChange) -> Rc<Self> {
        let mut next = (*self).clone();
        (change.0)(&mut next);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

type Form = UseReducerHandle<FormState>;

fn change(form: &Form, apply: impl FnOnce(&mut FormState) + 'static) {
    form.dispatch(FormChange(Box::new(apply)));
}

/// A callback for a text field: stores the value and drops that field's message.
fn on_text(form: &Form, field: Field, store: fn(&mut Draft, String)) -> Callback<InputEvent> {
    let form = form.clone();
    Callback::from(move |event: InputEvent| {
        let value = match event.target() {
            Some(target) => match target.dyn_into::<HtmlTextAreaElement>() {
                Ok(area) => area.value(),
                Err(target) => target
                    .dyn_into::<HtmlInputElement>()
                    .map(|input| input.value())
                    .unwrap_or_default(),
            },
            None => return,
        };
        change(&form, move |state| {
            store(&mut state.draft, value);
            state.clear_error(field);
        });
    })
}

/// The ids of a field's hint and message, for `aria-describedby`.
fn described_by(field: Field, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{}-hint", field.id()));
    }
    if has_error {
        ids.push(format!("{}-error", field.id()));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn hint_and_error(field: Field, hint: Option<&'static str>, error: Option<String>) -> Html {
    html! {
        <>
            if let Some(hint) = hint {
                <span id={format!("{}-hint", field.id())} class="av-hint">{ hint }</span>
            }
            if let Some(error) = error {
                <span id={format!("{}-error", field.id())} class="av-error">{ error }</span>
            }
        </>
    }
}

/// One labelled text input with its hint and message.
struct TextInput {
    field: Field,
    label: &'static str,
    hint: Option<&'static str>,
    input_type: &'static str,
    autocomplete: &'static str,
    value: String,
}

fn text_input(form: &Form, spec: TextInput, store: fn(&mut Draft, String)) -> Html {
    let error = form.error(spec.field);
    let id = spec.field.id();
    html! {
        <div class="av-field">
            <label for={id}>{ spec.label }</label>
            <input
                id={id}
                type={spec.input_type}
                autocomplete={spec.autocomplete}
                value={spec.value}
                oninput={on_text(form, spec.field, store)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(spec.field, spec.hint.is_some(), error.is_some())}
            />
            { hint_and_error(spec.field, spec.hint, error) }
        </div>
    }
}

fn offset_label(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.abs();
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Whole hours from -12 to +14, the part-hour offsets, and the current value if unusual.
fn offset_choices(current: Option<i32>) -> Vec<i32> {
    let mut choices: Vec<i32> = (MIN_OFFSET / 60..=MAX_OFFSET / 60)
        .map(|hours| hours * 60)
        .chain(PART_HOUR_OFFSETS)
        .chain(current)
        .collect();
    choices.sort_unstable();
    choices.dedup();
    choices
}

fn day_name(day: Weekday) -> &'static str {
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

#[component]
pub fn SettingsView() -> Html {
    let app = use_app();
    let settings = app.state.data.settings.clone();
    let form = use_reducer({
        let settings = settings.clone();
        move || FormState::new(&settings)
    });
    let form_ref = use_node_ref();

    // Settings changed elsewhere: take the change for every field not being edited here.
    {
        let form = form.clone();
        use_effect_with(settings.clone(), move |settings| {
            let settings = settings.clone();
            change(&form, move |state| {
                if state.base != settings {
                    let before = Draft::from_settings(&state.base);
                    let after = Draft::from_settings(&settings);
                    state.draft.take_outside_changes(&before, &after);
                    state.base = settings;
                }
            });
        });
    }

    // After a failed save, move focus to the first field that needs attention.
    {
        let form_ref = form_ref.clone();
        use_effect_with(form.focus_request, move |request| {
            if *request > 0 {
                let first = form_ref
                    .cast::<web_sys::Element>()
                    .and_then(|form| form.query_selector("[aria-invalid=\"true\"]").ok())
                    .flatten()
                    .and_then(|element| element.dyn_into::<HtmlElement>().ok());
                if let Some(element) = first {
                    let _ = element.focus();
                }
            }
        });
    }

    let on_submit = {
        let app = app.clone();
        let form = form.clone();
        Callback::from(move |()| {
            let current = app.state.data.settings.clone();
            match validate(&form.draft, &current) {
                Ok(settings) => {
                    if settings == current {
                        app.dispatch(Msg::Announce("No changes to save.".into()));
                    } else {
                        app.dispatch(Msg::UpdateSettings(settings.clone()));
                    }
                    change(&form, move |state| {
                        state.draft = Draft::from_settings(&settings);
                        state.base = settings;
                        state.errors.clear();
                        state.summary = None;
                    });
                }
                Err(errors) => {
                    let count = errors.len();
                    let summary = if count == 1 {
                        "Not saved yet: one field needs a look.".to_string()
                    } else {
                        format!("Not saved yet: {count} fields need a look.")
                    };
                    app.dispatch(Msg::Announce(summary.clone()));
                    change(&form, move |state| {
                        state.errors = errors;
                        state.summary = Some(summary);
                        state.focus_request += 1;
                    });
                }
            }
        })
    };

    let draft = &form.draft;

    // Time zone.
    let zone_error = form.error(Field::Zone);
    let device_offset = chrono::Local::now().offset().local_minus_utc() / 60;
    let current_fixed = match settings.time_zone {
        ZoneSetting::Fixed { offset_minutes } => Some(offset_minutes),
        ZoneSetting::Device => None,
    };
    let on_zone = {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            change(&form, move |state| {
                state.draft.zone = value;
                state.clear_error(Field::Zone);
            });
        })
    };
    let zone_view = html! {
        <div class="av-field">
            <label for={Field::Zone.id()}>{ "Time zone" }</label>
            <select
                id={Field::Zone.id()}
                onchange={on_zone}
                aria-invalid={zone_error.is_some().then_some("true")}
                aria-describedby={described_by(Field::Zone, true, zone_error.is_some())}
            >
                <option value="device" selected={draft.zone == "device"}>
                    { format!("This device's zone (now {})", offset_label(device_offset)) }
                </option>
                { for offset_choices(current_fixed).into_iter().map(|minutes| {
                    let value = minutes.to_string();
                    let selected = draft.zone == value;
                    html! { <option {value} {selected}>{ offset_label(minutes) }</option> }
                }) }
            </select>
            { hint_and_error(Field::Zone, Some("Dates and times are planned in this zone. The device's zone follows daylight saving; a fixed offset never moves."), zone_error) }
        </div>
    };

    // Working hours.
    let hours_view = {
        let start_error = form.error(Field::WorkStart);
        let end_error = form.error(Field::WorkEnd);
        html! {
            <div class="av-grid-2">
                <div class="av-field">
                    <label for={Field::WorkStart.id()}>{ "Working day starts" }</label>
                    <input
                        id={Field::WorkStart.id()}
                        type="time"
                        value={draft.work_start.clone()}
                        oninput={on_text(&form, Field::WorkStart, |draft, value| draft.work_start = value)}
                        aria-invalid={start_error.is_some().then_some("true")}
                        aria-describedby={described_by(Field::WorkStart, true, start_error.is_some())}
                    />
                    { hint_and_error(Field::WorkStart, Some("Messages are planned to go out within your working hours."), start_error) }
                </div>
                <div class="av-field">
                    <label for={Field::WorkEnd.id()}>{ "Working day ends" }</label>
                    <input
                        id={Field::WorkEnd.id()}
                        type="time"
                        value={draft.work_end.clone()}
                        oninput={on_text(&form, Field::WorkEnd, |draft, value| draft.work_end = value)}
                        aria-invalid={end_error.is_some().then_some("true")}
                        aria-describedby={described_by(Field::WorkEnd, false, end_error.is_some())}
                    />
                    { hint_and_error(Field::WorkEnd, None, end_error) }
                </div>
            </div>
        }
    };

    // Working days.
    let days_error = form.error(Field::WorkDays);
    let days_view = html! {
        <fieldset
            class="av-fieldset"
            id={Field::WorkDays.id()}
            aria-describedby={described_by(Field::WorkDays, false, days_error.is_some())}
        >
            <legend>{ "Working days" }</legend>
            <div class="av-days">
                { for WEEK.iter().copied().map(|day| {
                    let checked = draft.work_days.contains(&day);
                    let onchange = {
                        let form = form.clone();
                        Callback::from(move |event: Event| {
                            let input: HtmlInputElement = event.target_unchecked_into();
                            let on = input.checked();
                            change(&form, move |state| {
                                state.draft.work_days.retain(|other| *other != day);
                                if on {
                                    state.draft.work_days.push(day);
                                }
                                state.clear_error(Field::WorkDays);
                            });
                        })
                    };
                    html! {
                        <label class="av-check">
                            <input
                                type="checkbox"
                                {checked}
                                {onchange}
                                aria-invalid={days_error.is_some().then_some("true")}
                            />
                            <span aria-hidden="true">{ &day_name(day)[..3] }</span>
                            <span class="av-sr-only">{ day_name(day) }</span>
                        </label>
                    }
                }) }
            </div>
            { hint_and_error(Field::WorkDays, None, days_error) }
        </fieldset>
    };

    // Holidays and days off.
    let holidays_view = {
        let on_holiday_text = {
            let form = form.clone();
            Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let value = input.value();
                change(&form, move |state| {
                    state.holiday_text = value;
                    state.holiday_error = None;
                });
            })
        };
        let on_add = {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| change(&form, FormState::add_holiday))
        };
        // Enter in the date field adds the day rather than saving the whole form.
        let on_holiday_key = {
            let form = form.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.key() == "Enter" {
                    event.prevent_default();
                    change(&form, FormState::add_holiday);
                }
            })
        };
        let holiday_error = form.holiday_error.clone();
        html! {
            <fieldset class="av-fieldset">
                <legend>{ "Holidays and days off" }</legend>
                <span id="av-set-holiday-hint" class="av-hint">{ "Nothing unprompted is planned for these days. They are kept when you save the settings." }</span>
                <div class="av-holiday-add">
                    <div class="av-field">
                        <label for="av-set-holiday">{ "Day to add" }</label>
                        <input
                            id="av-set-holiday"
                            type="date"
                            min="1900-01-01"
                            max="2200-12-31"
                            value={form.holiday_text.clone()}
                            oninput={on_holiday_text}
                            onkeydown={on_holiday_key}
                            aria-invalid={holiday_error.is_some().then_some("true")}
                            aria-describedby={if holiday_error.is_some() { "av-set-holiday-hint av-set-holiday-error" } else { "av-set-holiday-hint" }}
                        />
                    </div>
                    <button type="button" class="av-btn" onclick={on_add} data-testid="add-holiday">{ "Add day" }</button>
                </div>
                if let Some(message) = holiday_error {
                    <span id="av-set-holiday-error" class="av-error" role="alert">{ message }</span>
                }
                if draft.holidays.is_empty() {
                    <p class="av-hint">{ "No days added." }</p>
                } else {
                    <ul class="av-holidays" aria-label="Days off">
                        { for draft.holidays.iter().copied().map(|date| {
                            let label = date.format("%a %-d %b %Y").to_string();
                            let on_remove = {
                                let form = form.clone();
                                Callback::from(move |_: MouseEvent| {
                                    change(&form, move |state| state.draft.holidays.retain(|other| *other != date));
                                })
                            };
                            html! {
                                <li>
                                    <time datetime={date.format("%Y-%m-%d").to_string()}>{ label.clone() }</time>
                                    <button type="button" class="av-btn-link" onclick={on_remove} aria-label={format!("Remove {label}")}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </fieldset>
        }
    };

    // Tone and theme.
    let radio_group = |legend: &'static str,
                       name: &'static str,
                       hint: &'static str,
                       options: Vec<(&'static str, bool, Callback<Event>)>| {
        html! {
            <fieldset class="av-fieldset" aria-describedby={format!("{name}-hint")}>
                <legend>{ legend }</legend>
                <span id={format!("{name}-hint")} class="av-hint">{ hint }</span>
                <div class="av-radios">
                    { for options.into_iter().map(|(label, checked, onchange)| html! {
                        <label class="av-check">
                            <input type="radio" {name} {checked} {onchange} />
                            { label }
                        </label>
                    }) }
                </div>
            </fieldset>
        }
    };
    let tone_options = Tone::ALL
        .iter()
        .copied()
        .map(|tone| {
            let form = form.clone();
            let onchange =
                Callback::from(move |_: Event| change(&form, move |state| state.draft.tone = tone));
            (tone.label(), draft.tone == tone, onchange)
        })
        .collect();
    let theme_options = [
        (Theme::Auto, "Match the device"),
        (Theme::Light, "Light"),
        (Theme::Dark, "Dark"),
    ]
    .into_iter()
    .map(|(theme, label)| {
        let form = form.clone();
        let onchange =
            Callback::from(move |_: Event| change(&form, move |state| state.draft.theme = theme));
        (label, draft.theme == theme, onchange)
    })
    .collect();

    let has_sample = app
        .state
        .data
        .processes
        .iter()
        .any(|process| process.sample);
    let sample_view = {
        let (text, label, class) = if has_sample {
            (
                "The example interview is in your list. Remove it once you no longer need it; your own interviews stay.",
                "Remove the example interview",
                "av-btn av-btn-danger",
            )
        } else {
            (
                "An invented interview with a few rounds, to see how the plan and drafts look before entering your own.",
                "Add the example interview",
                "av-btn",
            )
        };
        let onclick = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                app.dispatch(if has_sample {
                    Msg::RemoveSample
                } else {
                    Msg::AddSample
                })
            })
        };
        html! {
            <section class="av-section av-card" aria-labelledby="av-sample-title" data-testid="sample-section">
                <h2 id="av-sample-title" class="av-section-title">{ "Example interview" }</h2>
                <p class="av-hint">{ text }</p>
                <div class="av-actions-row">
                    <button type="button" {class} {onclick} data-testid={if has_sample { "remove-sample" } else { "add-sample" }}>{ label }</button>
                </div>
            </section>
        }
    };

    html! {
        <div class="av-settings" data-testid="settings-view">
            <section class="av-section av-card" aria-labelledby="av-settings-title">
                <h2 id="av-settings-title" class="av-section-title">{ "Settings" }</h2>
                <form class="av-form" ref={form_ref} onsubmit={no_native_submit()} onkeydown={enter_saves(on_submit.clone())} novalidate=true data-testid="settings-form">
                    <fieldset class="av-fieldset">
                        <legend>{ "About you" }</legend>
                        <span class="av-hint">{ "These details close your drafts. Leave out anything you would rather not share." }</span>
                        <div class="av-grid-2">
                            { text_input(&form, TextInput { field: Field::Name, label: "Name", hint: Some("Signs every draft."), input_type: "text", autocomplete: "name", value: draft.name.clone() }, |draft, value| draft.name = value) }
                            { text_input(&form, TextInput { field: Field::Email, label: "Email", hint: None, input_type: "email", autocomplete: "email", value: draft.email.clone() }, |draft, value| draft.email = value) }
                            { text_input(&form, TextInput { field: Field::Phone, label: "Phone", hint: None, input_type: "tel", autocomplete: "tel", value: draft.phone.clone() }, |draft, value| draft.phone = value) }
                            { text_input(&form, TextInput { field: Field::Linkedin, label: "LinkedIn profile", hint: Some("The address of your profile page."), input_type: "url", autocomplete: "url", value: draft.linkedin.clone() }, |draft, value| draft.linkedin = value) }
                        </div>
                        {{
                            let error = form.error(Field::Signature);
                            html! {
                                <div class="av-field">
                                    <label for={Field::Signature.id()}>{ "Signature" }</label>
                                    <textarea
                                        id={Field::Signature.id()}
                                        rows="3"
                                        value={draft.signature.clone()}
                                        oninput={on_text(&form, Field::Signature, |draft, value| draft.signature = value)}
                                        aria-invalid={error.is_some().then_some("true")}
                                        aria-describedby={described_by(Field::Signature, true, error.is_some())}
                                    />
                                    { hint_and_error(Field::Signature, Some("Lines under your name, such as your job title and city."), error) }
                                </div>
                            }
                        }}
                    </fieldset>
                    <fieldset class="av-fieldset">
                        <legend>{ "When you work" }</legend>
                        { zone_view }
                        { hours_view }
                        { days_view }
                        { holidays_view }
                    </fieldset>
                    { radio_group("Default tone of drafts", "av-set-tone", "Warm reads friendlier; Concise gets to the point. Any draft can switch.", tone_options) }
                    { radio_group("Theme", "av-set-theme", "How Afterview looks on this device.", theme_options) }
                    if let Some(summary) = form.summary.clone() {
                        <p class="av-error" role="alert" data-testid="settings-summary">{ summary }</p>
                    }
                    <div class="av-actions-row">
                        <button type="button" class="av-btn av-btn-primary" onclick={click_saves(&on_submit)} data-testid="settings-save">{ "Save settings" }</button>
                    </div>
                </form>
            </section>
            <DataPanel />
            { sample_view }
        </div>
    }
}
