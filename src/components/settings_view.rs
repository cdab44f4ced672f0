//! Settings: the user's details, time zone, working hours, holidays, tone and theme.
//!
//! The form model lives in [`crate::core::app::settings_form`]: each valid change is saved as it is
//! made; a field that needs a fix keeps its text and message (also when the user leaves the
//! page and comes back) while the other fields are saved.

use crate::core::dates;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::data_panel::DataPanel;
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::core::app::settings_form::{
    day_name, device_zone_text, fixed_zone_text, offset_choices, unknown_zone_note,
    zone_offset_note, SettingsEditor, SettingsField as Field, SettingsForm, WEEK,
};
use crate::core::data::settings::{Theme, Tone, ZoneSetting};
use crate::hooks::use_app;
use crate::services::intl_zone;
use crate::state::Msg;

/// A change to the form, applied by the reducer so quick edits never overwrite each other.
struct FormChange(Box<dyn FnOnce(&mut SettingsEditor)>);

/// The form's own reducer: every change is applied in order, then re-checked.
#[derive(Clone, PartialEq)]
struct FormState(SettingsEditor);

impl std::ops::Deref for FormState {
    type Target = SettingsEditor;
    fn deref(&self) -> &SettingsEditor {
        &self.0
    }
}

impl Reducible for FormState {
    type Action = FormChange;

    fn reduce(self: Rc<Self>, change: FormChange) -> Rc<Self> {
        let mut next = (*self).clone();
        (change.0)(&mut next.0);
        next.0.refresh();
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

type Form = UseReducerHandle<FormState>;

fn change(form: &Form, apply: impl FnOnce(&mut SettingsEditor) + 'static) {
    form.dispatch(FormChange(Box::new(apply)));
}

/// A callback for a text field: stores the value and drops that field's message.
fn on_text(
    form: &Form,
    field: Field,
    store: fn(&mut SettingsForm, String),
) -> Callback<InputEvent> {
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

/// A callback for when the user leaves a text field: its message may show from now on.
fn on_leave(form: &Form, field: Field) -> Callback<Event> {
    let form = form.clone();
    Callback::from(move |_: Event| change(&form, move |state| state.touch(field)))
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

fn text_input(form: &Form, spec: TextInput, store: fn(&mut SettingsForm, String)) -> Html {
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
                onchange={on_leave(form, spec.field)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(spec.field, spec.hint.is_some(), error.is_some())}
            />
            { hint_and_error(spec.field, spec.hint, error) }
        </div>
    }
}

#[component]
pub fn SettingsView() -> Html {
    let app = use_app();
    // The zone field offers "Device zone (Europe/Paris)": the name must be known first.
    intl_zone::learn_device_zone();
    let settings = app.state.data.settings.clone();
    let form = use_reducer({
        let settings = settings.clone();
        let kept = app.state.settings_draft.clone();
        move || {
            FormState(match kept {
                Some(kept) => SettingsEditor::reopen(&settings, kept),
                None => SettingsEditor::new(&settings),
            })
        }
    });
    let form_ref = use_node_ref();
    let focus_request = use_state(|| 0u32);

    // Settings changed elsewhere (this form's own save included): take the change for every
    // field not being edited here.
    {
        let form = form.clone();
        use_effect_with(settings.clone(), move |settings| {
            let settings = settings.clone();
            change(&form, move |state| state.saved(&settings));
        });
    }

    // Each valid change is saved as soon as it is made.
    {
        let app = app.clone();
        use_effect_with(form.to_save.clone(), move |to_save| {
            if let Some(settings) = to_save.clone() {
                app.dispatch(Msg::AutosaveSettings(settings));
            }
        });
    }

    // Leaving the page keeps any text that still needs a fix, for when the user comes back.
    {
        // The latest editor is kept by handle; it is checked only when the page is left.
        let latest = use_mut_ref(|| form.clone());
        *latest.borrow_mut() = form.clone();
        let app = app.clone();
        use_effect_with((), move |_| {
            move || app.dispatch(Msg::KeepSettingsDraft(latest.borrow().unsaved_draft()))
        });
    }

    // After Save with fields to fix, move focus to the first of them.
    {
        let form_ref = form_ref.clone();
        use_effect_with(*focus_request, move |request| {
            if *request > 0 {
                let first = form_ref
                    .cast::<web_sys::Element>()
                    .and_then(|form| form.query_selector("[aria-invalid=\"true\"]").ok())
                    .flatten()
                    .and_then(|element| element.dyn_into::<HtmlElement>().ok());
                if let Some(element) = first {
                    element.scroll_into_view();
                    let _ = element.focus();
                }
            }
        });
    }

    // Save shows every message at once (valid changes are already saved).
    let on_submit = {
        let app = app.clone();
        let form = form.clone();
        let focus_request = focus_request.clone();
        Callback::from(move |()| {
            let count = form.fields_to_fix();
            change(&form, |state| {
                for field in Field::ALL {
                    state.touch(field);
                }
            });
            if count == 0 {
                app.dispatch(Msg::Announce("Settings saved.".into()));
            } else {
                app.dispatch(Msg::Announce(if count == 1 {
                    "One field needs a fix; the other changes are saved.".to_string()
                } else {
                    format!("{count} fields need a fix; the other changes are saved.")
                }));
                focus_request.set(*focus_request + 1);
            }
        })
    };

    let draft = &form.draft;

    // Time zone: a searchable list of the browser's zones, the device zone and fixed offsets.
    let zone_error = form.error(Field::Zone);
    let current_fixed = match settings.time_zone {
        ZoneSetting::Fixed { offset_minutes } => Some(offset_minutes),
        ZoneSetting::Device | ZoneSetting::Named { .. } => None,
    };
    let zone_options = use_memo(current_fixed, |current_fixed| {
        let names = intl_zone::zone_list();
        html! {
            <>
                <option value={device_zone_text()} />
                { for names.iter().map(|name| html! { <option value={name.clone()} /> }) }
                { for offset_choices(*current_fixed).into_iter().map(|minutes| {
                    html! { <option value={fixed_zone_text(minutes)} /> }
                }) }
            </>
        }
    });
    // The offset the typed zone has right now, so the choice can be checked at a glance.
    let zone_now = zone_offset_note(&draft.zone, chrono::Utc::now().naive_utc());
    let zone_unknown = unknown_zone_note(settings.time_zone);
    let zone_list_id = format!("{}-list", Field::Zone.id());
    let zone_view = html! {
        <div class="av-field">
            <label for={Field::Zone.id()}>{ "Time zone" }</label>
            <input
                id={Field::Zone.id()}
                type="text"
                list={zone_list_id.clone()}
                autocomplete="off"
                spellcheck="false"
                value={draft.zone.clone()}
                oninput={on_text(&form, Field::Zone, |draft, value| draft.zone = value)}
                onchange={on_leave(&form, Field::Zone)}
                aria-invalid={zone_error.is_some().then_some("true")}
                aria-describedby={described_by(Field::Zone, true, zone_error.is_some())}
            />
            <datalist id={zone_list_id}>{ (*zone_options).clone() }</datalist>
            if let Some(zone_now) = zone_now {
                <span class="av-hint" id={format!("{}-now", Field::Zone.id())}>{ zone_now }</span>
            }
            if let Some(zone_unknown) = zone_unknown {
                <span class="av-error" role="status">{ zone_unknown }</span>
            }
            { hint_and_error(Field::Zone, Some("Type a city or region (such as Europe/Paris) and pick it from the list. Dates and times are planned in this zone; named zones and the device zone follow daylight saving, a fixed offset never moves."), zone_error) }
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
                        onchange={on_leave(&form, Field::WorkStart)}
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
                        onchange={on_leave(&form, Field::WorkEnd)}
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
                                state.touch(Field::WorkDays);
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
            Callback::from(move |_: MouseEvent| change(&form, SettingsEditor::add_holiday))
        };
        // Enter in the date field adds the day rather than saving the whole form.
        let on_holiday_key = {
            let form = form.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.key() == "Enter" {
                    event.prevent_default();
                    change(&form, SettingsEditor::add_holiday);
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
                            let label = dates::day_month_year(date);
                            let on_remove = {
                                let form = form.clone();
                                Callback::from(move |_: MouseEvent| {
                                    change(&form, move |state| state.draft.holidays.retain(|other| *other != date));
                                })
                            };
                            html! {
                                <li>
                                    <time datetime={dates::iso_date(date)}>{ label.clone() }</time>
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
                                        onchange={on_leave(&form, Field::Signature)}
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
                    if form.errors.is_empty() {
                        <p class="av-hint" data-testid="settings-status">{ "Changes are saved as you make them." }</p>
                    } else {
                        <p class="av-error" data-testid="settings-summary">{
                            if form.errors.len() == 1 {
                                "One field needs a fix before it is saved; what you typed is kept.".to_string()
                            } else {
                                format!("{} fields need a fix before they are saved; what you typed is kept.", form.errors.len())
                            }
                        }</p>
                    }
                    <div class="av-actions-row">
                        <button type="button" class="av-btn" onclick={click_saves(&on_submit)} data-testid="settings-save">{ "Check all fields" }</button>
                    </div>
                </form>
            </section>
            <DataPanel />
            { sample_view }
        </div>
    }
}
