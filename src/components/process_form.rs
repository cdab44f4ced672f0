//! The add/edit form for a process with its rounds and interviewers. Validation (in the core)
//! puts each message next to its field; a failed submit keeps everything typed.

use crate::core::dates;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::contacts_editor::{saved_interviewers, ContactsEditor};
use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::core::app::contacts_form::ContactsForm;
use crate::core::app::edit_merge::Prefer;
use crate::core::app::form::{
    blank_process, own_zone_placeholder, writing_preview, FieldError, InterviewerForm, ProcessForm,
    RoundForm, WritingField,
};
use crate::core::data::model::{IndustryPace, ProcessId, RoundFormat, RoundKind};
use crate::core::planning::zone::UserZone;
use crate::core::writing::wording::plural;
use crate::hooks::use_app;
use crate::services::intl_zone;
use crate::state::{Msg, View};

#[derive(Clone, PartialEq, Properties)]
pub struct ProcessFormProps {
    pub id: Option<ProcessId>,
    /// A form filled from an imported invitation, shown instead of the stored or empty one.
    #[prop_or_default]
    pub prefill: Option<std::rc::Rc<ProcessForm>>,
    /// Contacts found by the same import (who sent the announcement), for a new process.
    #[prop_or_default]
    pub prefill_contacts: Option<std::rc::Rc<ContactsForm>>,
}

type Form = UseStateHandle<ProcessForm>;

fn on_text(
    form: &Form,
    apply: impl Fn(&mut ProcessForm, String) + 'static,
) -> Callback<InputEvent> {
    let form = form.clone();
    let apply = Rc::new(apply);
    Callback::from(move |event: InputEvent| {
        let value = match event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
            Some(area) => area.value(),
            None => event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        };
        let mut next = (*form).clone();
        apply(&mut next, value);
        form.set(next);
    })
}

fn on_change(
    form: &Form,
    apply: impl Fn(&mut ProcessForm, String, bool) + 'static,
) -> Callback<Event> {
    let form = form.clone();
    Callback::from(move |event: Event| {
        let (value, checked) = match event.target_dyn_into::<web_sys::HtmlSelectElement>() {
            Some(select) => (select.value(), false),
            None => {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                (input.value(), input.checked())
            }
        };
        let mut next = (*form).clone();
        apply(&mut next, value, checked);
        form.set(next);
    })
}

fn on_click(form: &Form, apply: impl Fn(&mut ProcessForm) + 'static) -> Callback<MouseEvent> {
    let form = form.clone();
    Callback::from(move |_| {
        let mut next = (*form).clone();
        apply(&mut next);
        form.set(next);
    })
}

struct FieldSpec<'a> {
    id: String,
    label: &'a str,
    value: String,
    input_type: &'a str,
    hint: Option<&'a str>,
    required: bool,
}

fn field(spec: FieldSpec, oninput: Callback<InputEvent>, error: Option<&FieldError>) -> Html {
    let error_id = format!("{}-error", spec.id);
    let hint_id = format!("{}-hint", spec.id);
    let described = match (error.is_some(), spec.hint.is_some()) {
        (true, true) => Some(format!("{error_id} {hint_id}")),
        (true, false) => Some(error_id.clone()),
        (false, true) => Some(hint_id.clone()),
        (false, false) => None,
    };
    html! {
        <div class="av-field">
            <label for={spec.id.clone()}>{ spec.label }{ if spec.required { " *" } else { "" } }</label>
            if spec.input_type == "textarea" {
                <textarea id={spec.id.clone()} value={spec.value} {oninput} aria-invalid={error.is_some().to_string()} aria-describedby={described} />
            } else {
                <input id={spec.id.clone()} type={spec.input_type.to_string()} value={spec.value} {oninput}
                    required={spec.required} aria-invalid={error.is_some().to_string()} aria-describedby={described} />
            }
            if let Some(hint) = spec.hint { <span class="av-hint" id={hint_id}>{ hint }</span> }
            if let Some(error) = error { <span class="av-error" id={error_id}>{ &error.message }</span> }
        </div>
    }
}

/// A round's time zone: a text input searching the browser's zones (one shared list);
/// empty means the user's own zone, which the placeholder names.
fn zone_field(
    base: &str,
    value: &str,
    own_zone: &str,
    oninput: Callback<InputEvent>,
    error: Option<&FieldError>,
) -> Html {
    let id = format!("{base}-zone");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if error.is_some() {
        format!("{error_id} {hint_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class="av-field">
            <label for={id.clone()}>{ "Time zone of these times" }</label>
            <input id={id} type="text" list={ZONE_LIST_ID} autocomplete="off" spellcheck="false"
                value={value.to_string()} placeholder={own_zone.to_string()} {oninput}
                aria-invalid={error.is_some().to_string()} aria-describedby={described} />
            <span class="av-hint" id={hint_id}>{ "Leave empty for your own zone; for an interview in another zone, pick it (such as America/New_York) and type the times as the invitation gives them." }</span>
            if let Some(error) = error { <span class="av-error" id={error_id}>{ &error.message }</span> }
        </div>
    }
}

/// The id of the datalist every round's zone field searches.
const ZONE_LIST_ID: &str = "av-zone-list";

/// Whether the browser holds text it cannot read as a day in round `index`'s date field.
fn date_unreadable(form_ref: &NodeRef, index: usize) -> bool {
    let Some(input) = form_ref.cast::<web_sys::Element>().and_then(|form| {
        form.query_selector(&format!("#av-round-{index}-date"))
            .ok()
            .flatten()
    }) else {
        return false;
    };
    let flag = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into()).unwrap_or_default()
    };
    flag(&flag(&input, "validity"), "badInput").as_bool() == Some(true)
}

/// The date field's `oninput`. Text the browser cannot read as a day gives an empty value;
/// the last readable value is kept (so re-rendering does not wipe what is typed) and the round
/// is marked unreadable instead.
fn on_date(form: &Form, form_ref: &NodeRef, index: usize) -> Callback<InputEvent> {
    let form = form.clone();
    let form_ref = form_ref.clone();
    Callback::from(move |event: InputEvent| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        let unreadable = date_unreadable(&form_ref, index);
        let mut next = (*form).clone();
        if let Some(round) = next.rounds.get_mut(index) {
            if !unreadable {
                round.date = value;
            }
            round.date_unreadable = unreadable;
        }
        form.set(next);
    })
}

/// Brings the first field with a problem into view, its label and message included, and
/// focuses it.
fn focus_first_problem(form_ref: &NodeRef) {
    let Some(first) = form_ref.cast::<web_sys::Element>().and_then(|form| {
        form.query_selector("[aria-invalid=\"true\"]")
            .ok()
            .flatten()
    }) else {
        return;
    };
    if let Ok(Some(field)) = first.closest(".av-field") {
        field.scroll_into_view_with_bool(true);
    }
    if let Some(first) = first.dyn_ref::<web_sys::HtmlElement>() {
        let _ = first.focus();
    }
}

/// A field written for the drafts: its example, and a live preview of the
/// sentence it becomes (the wording comes from the core).
fn writing_field(
    id: String,
    label: &str,
    value: String,
    kind: WritingField,
    oninput: Callback<InputEvent>,
) -> Html {
    let hint_id = format!("{id}-hint");
    let preview_id = format!("{id}-preview");
    let preview = writing_preview(kind, &value);
    html! {
        <div class="av-field">
            <label for={id.clone()}>{ label }</label>
            <textarea id={id.clone()} value={value} {oninput} rows="2"
                aria-describedby={format!("{hint_id} {preview_id}")} />
            <span class="av-hint" id={hint_id}>{ kind.example() }</span>
            <span class="av-hint av-preview" id={preview_id} aria-live="polite">{ preview }</span>
        </div>
    }
}

fn new_round(today: &str) -> RoundForm {
    RoundForm {
        date: today.to_string(),
        interviewers: vec![InterviewerForm::default()],
        ..RoundForm::default()
    }
}

#[component]
pub fn ProcessFormView(props: &ProcessFormProps) -> Html {
    // The round zone placeholder names the device zone: it must be known first.
    intl_zone::learn_device_zone();
    let ctx = use_app();
    // The process as it was when the form opened: the save writes only what changed since.
    let opened = {
        let id = props.id;
        let state = ctx.state.clone();
        use_state(move || id.and_then(|id| state.process(id).cloned()))
    };
    let existing = (*opened).clone();
    let vanished = existing.is_some() && props.id.and_then(|id| ctx.state.process(id)).is_none();
    let today = dates::iso_date(ctx.state.now.date_naive());
    let form = {
        let existing = existing.clone();
        let today = today.clone();
        let prefill = props.prefill.clone();
        use_state(move || match (&prefill, &existing) {
            (Some(prefill), _) => (**prefill).clone(),
            (None, Some(process)) => ProcessForm::from_process(process),
            (None, None) => ProcessForm {
                rounds: vec![new_round(&today)],
                ..ProcessForm::default()
            },
        })
    };
    let errors = use_state(Vec::<FieldError>::new);
    let error = |path: &str| errors.iter().find(|e| e.field == path).cloned();
    let contacts = {
        let existing = existing.clone();
        let prefill = props.prefill_contacts.clone();
        use_state(move || match (&existing, prefill) {
            (Some(process), _) => ContactsForm::from_process(process),
            (None, Some(prefill)) => (*prefill).clone(),
            (None, None) => ContactsForm::default(),
        })
    };

    let form_ref = use_node_ref();
    // Bumped by each failed save: after that render, focus goes to the first problem.
    let focus_request = use_state(|| 0u32);
    {
        let form_ref = form_ref.clone();
        use_effect_with(*focus_request, move |request| {
            if *request > 0 {
                focus_first_problem(&form_ref);
            }
        });
    }

    let submit = {
        let ctx = ctx.clone();
        let form = form.clone();
        let errors = errors.clone();
        let existing = existing.clone();
        let form_ref = form_ref.clone();
        let focus_request = focus_request.clone();
        let contacts = contacts.clone();
        Callback::from(move |()| {
            // A new process gets its id from the reducer when it is saved.
            let base = existing
                .clone()
                .unwrap_or_else(|| blank_process(ProcessId::default()));
            let zone = UserZone::from_setting(ctx.state.data.settings.time_zone);
            // The browser gives an empty value for a day it cannot read (31/02): ask it which
            // date fields hold such text, so the message can say the date does not exist.
            let mut typed = (*form).clone();
            for (index, round) in typed.rounds.iter_mut().enumerate() {
                round.date_unreadable = date_unreadable(&form_ref, index);
            }
            let saved = typed
                .to_process(&base, &zone)
                .and_then(|mut process| contacts.apply(&mut process).map(|()| process));
            match saved {
                Ok(process) => {
                    errors.set(Vec::new());
                    ctx.dispatch(Msg::SaveProcess {
                        base: existing.clone().map(Box::new),
                        edited: Box::new(process),
                        resolve: None,
                    });
                }
                Err(found) => {
                    // The summary above the form is an alert and focus moves to the first
                    // problem, so no toast is shown: it would cover the form on a phone.
                    errors.set(found);
                    focus_request.set(*focus_request + 1);
                }
            }
        })
    };
    // After a conflict the user picks a side for the conflicting fields; the rest merges.
    let resolve = |prefer: Prefer| {
        let ctx = ctx.clone();
        let form = form.clone();
        let existing = existing.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(base) = existing.clone() else { return };
            let zone = UserZone::from_setting(ctx.state.data.settings.time_zone);
            if let Ok(process) = form.to_process(&base, &zone) {
                ctx.dispatch(Msg::SaveProcess {
                    base: Some(Box::new(base)),
                    edited: Box::new(process),
                    resolve: Some(prefer),
                });
            }
        })
    };
    let cancel = {
        let id = props.id;
        ctx.callback(move |_: MouseEvent| Msg::Navigate(id.map_or(View::Interviews, View::Process)))
    };
    // The browser's zones for the rounds' zone fields, and the user's own for their placeholder.
    let zone_options = use_memo((), |_| {
        let names = intl_zone::zone_list();
        html! { <>{ for names.iter().map(|name| html! { <option value={name.clone()} /> }) }</> }
    });
    let own_zone = own_zone_placeholder(ctx.state.data.settings.time_zone);
    let title = if existing.is_some() {
        "Edit interview"
    } else {
        "Add an interview"
    };

    html! {
        <section class="av-section" aria-labelledby="av-form-title">
            <h2 id="av-form-title" class="av-section-title">{ title }</h2>
            <form class="av-form av-card" ref={form_ref.clone()} onsubmit={no_native_submit()} onkeydown={enter_saves(submit.clone())} novalidate=true>
                if vanished {
                    <p class="av-banner av-banner-warn" role="alert" data-testid="form-vanished">
                        { "This interview was deleted in another tab. Everything you typed is still here: Save keeps it as a new interview, Cancel lets it go." }
                    </p>
                }
                if let Some(conflict) = ctx.state.save_conflict.clone().filter(|c| Some(c.process) == props.id) {
                    <div class="av-banner av-banner-warn" role="alert" data-testid="save-conflict">
                        <p>{ "While this form was open, another tab changed the same fields you changed:" }</p>
                        <ul>
                            { for conflict.conflicts.iter().map(|c| html! {
                                <li>{ format!("{}: the other tab saved “{}”; you typed “{}”.", c.field, c.theirs, c.mine) }</li>
                            }) }
                        </ul>
                        <p>{ "Everything else you changed merges with their edits." }</p>
                        <div class="av-actions-row">
                            <button type="button" class="av-btn av-btn-primary" data-testid="save-conflict-mine" onclick={resolve(Prefer::Mine)}>
                                { "Save with my values" }
                            </button>
                            <button type="button" class="av-btn" data-testid="save-conflict-theirs" onclick={resolve(Prefer::Theirs)}>
                                { "Save with their values" }
                            </button>
                        </div>
                    </div>
                }
                if !errors.is_empty() {
                    <p class="av-banner av-banner-error" role="alert">{ format!("Please fix the {} below. Everything you typed is kept.", plural(errors.len(), "highlighted field", "highlighted fields")) }</p>
                }
                <div class="av-grid-2">
                    { field(FieldSpec { id: "av-company".into(), label: "Company", value: form.company.clone(), input_type: "text", hint: None, required: true },
                        on_text(&form, |f, v| f.company = v), error("company").as_ref()) }
                    { field(FieldSpec { id: "av-role".into(), label: "Role", value: form.role.clone(), input_type: "text", hint: None, required: true },
                        on_text(&form, |f, v| f.role = v), error("role").as_ref()) }
                    <div class="av-field">
                        <label for="av-pace">{ "Industry" }</label>
                        <select id="av-pace" aria-describedby="av-pace-hint" onchange={on_change(&form, |f, v, _| f.pace = if v == "traditional" { IndustryPace::Traditional } else { IndustryPace::FastMoving })}>
                            <option value="fast-moving" selected={form.pace == IndustryPace::FastMoving}>{ "Fast-moving (tech, start-ups)" }</option>
                            <option value="traditional" selected={form.pace == IndustryPace::Traditional}>{ "Traditional (law, finance, public sector)" }</option>
                        </select>
                        <span class="av-hint" id="av-pace-hint">{ "Traditional employers get a handwritten card suggestion too." }</span>
                    </div>
                    { field(FieldSpec { id: "av-job-url".into(), label: "Job posting link", value: form.job_url.clone(), input_type: "url", hint: None, required: false },
                        on_text(&form, |f, v| f.job_url = v), error("job_url").as_ref()) }
                </div>
                { field(FieldSpec { id: "av-notes".into(), label: "Notes", value: form.notes.clone(), input_type: "textarea", hint: None, required: false },
                    on_text(&form, |f, v| f.notes = v), None) }
                { writing_field("av-why-fit".into(), "Why you fit (optional): skills or results to mention", form.why_fit.clone(),
                    WritingField::WhyFit, on_text(&form, |f, v| f.why_fit = v)) }

                { for form.rounds.iter().enumerate().map(|(r, round)| {
                    let base = format!("av-round-{r}");
                    let path = |name: &str| format!("rounds.{r}.{name}");
                    html! {
                        <fieldset class="av-fieldset" key={format!("round-{r}")}>
                            <legend>{ format!("Round {}", r + 1) }</legend>
                            <div class="av-grid-2">
                                <div class="av-field">
                                    <label for={format!("{base}-kind")}>{ "Kind" }</label>
                                    <select id={format!("{base}-kind")} onchange={on_change(&form, move |f, v, _| {
                                        if let Some(kind) = RoundKind::ALL.into_iter().find(|k| k.label() == v) { f.rounds[r].kind = kind; }
                                    })}>
                                        { for RoundKind::ALL.iter().map(|k| html! { <option value={k.label()} selected={*k == round.kind}>{ k.label() }</option> }) }
                                    </select>
                                </div>
                                <div class="av-field">
                                    <label for={format!("{base}-format")}>{ "Format" }</label>
                                    <select id={format!("{base}-format")} onchange={on_change(&form, move |f, v, _| {
                                        if let Some(format) = RoundFormat::ALL.into_iter().find(|k| k.label() == v) { f.rounds[r].format = format; }
                                    })}>
                                        { for RoundFormat::ALL.iter().map(|k| html! { <option value={k.label()} selected={*k == round.format}>{ k.label() }</option> }) }
                                    </select>
                                </div>
                                { field(FieldSpec { id: format!("{base}-date"), label: "Date", value: round.date.clone(), input_type: "date", hint: None, required: true },
                                    on_date(&form, &form_ref, r), error(&path("date")).as_ref()) }
                                { field(FieldSpec { id: format!("{base}-start"), label: "Started at", value: round.start.clone(), input_type: "time", hint: None, required: true },
                                    on_text(&form, move |f, v| f.rounds[r].start = v), error(&path("start")).as_ref()) }
                                { field(FieldSpec { id: format!("{base}-end"), label: "Ended at", value: round.end.clone(), input_type: "time", hint: None, required: true },
                                    on_text(&form, move |f, v| f.rounds[r].end = v), error(&path("end")).as_ref()) }
                                { zone_field(&base, &round.zone, &own_zone, on_text(&form, move |f, v| f.rounds[r].zone = v), error(&path("zone")).as_ref()) }
                            </div>
                            { field(FieldSpec { id: format!("{base}-notes"), label: "Private note on this round", value: round.notes.clone(), input_type: "text",
                                hint: Some("Only for you: drafts never send it. Something to tell one interviewer goes in their own field below."), required: false },
                                on_text(&form, move |f, v| f.rounds[r].notes = v), None) }
                            { for round.interviewers.iter().enumerate().map(|(p, person)| {
                                let pbase = format!("{base}-person-{p}");
                                let ppath = |name: &str| format!("rounds.{r}.interviewers.{p}.{name}");
                                html! {
                                    <fieldset class="av-fieldset" key={format!("person-{r}-{p}")}>
                                        <legend>{ format!("Interviewer {}", p + 1) }</legend>
                                        <div class="av-grid-2">
                                            { field(FieldSpec { id: format!("{pbase}-name"), label: "Name", value: person.name.clone(), input_type: "text", hint: None, required: true },
                                                on_text(&form, move |f, v| f.rounds[r].interviewers[p].name = v), error(&ppath("name")).as_ref()) }
                                            { field(FieldSpec { id: format!("{pbase}-title"), label: "Job title", value: person.title.clone(), input_type: "text", hint: None, required: false },
                                                on_text(&form, move |f, v| f.rounds[r].interviewers[p].title = v), None) }
                                            { field(FieldSpec { id: format!("{pbase}-email"), label: "Email", value: person.email.clone(), input_type: "email", hint: None, required: false },
                                                on_text(&form, move |f, v| f.rounds[r].interviewers[p].email = v), error(&ppath("email")).as_ref()) }
                                            { field(FieldSpec { id: format!("{pbase}-linkedin"), label: "LinkedIn profile", value: person.linkedin.clone(), input_type: "text", hint: None, required: false },
                                                on_text(&form, move |f, v| f.rounds[r].interviewers[p].linkedin = v), None) }
                                        </div>
                                        { writing_field(format!("{pbase}-discussed"), "What you talked about (a short phrase)", person.discussed.clone(),
                                            WritingField::Discussed, on_text(&form, move |f, v| f.rounds[r].interviewers[p].discussed = v)) }
                                        { writing_field(format!("{pbase}-detail"), "One detail that stuck with you (optional)", person.detail.clone(),
                                            WritingField::Detail, on_text(&form, move |f, v| f.rounds[r].interviewers[p].detail = v)) }
                                        { writing_field(format!("{pbase}-to-tell"), "Something you forgot to tell them (optional)", person.to_tell.clone(),
                                            WritingField::ToTell, on_text(&form, move |f, v| f.rounds[r].interviewers[p].to_tell = v)) }
                                        <label class="av-check"><input type="checkbox" checked={person.spoke_by_phone}
                                            onchange={on_change(&form, move |f, _, c| f.rounds[r].interviewers[p].spoke_by_phone = c)} />{ "We have spoken by phone" }</label>
                                        <label class="av-check"><input type="checkbox" checked={person.invited_call}
                                            onchange={on_change(&form, move |f, _, c| f.rounds[r].interviewers[p].invited_call = c)} />{ "They invited me to call" }</label>
                                        <div class="av-actions-row">
                                            <button type="button" class="av-btn" onclick={on_click(&form, move |f| { f.rounds[r].interviewers.remove(p); })}>
                                                { format!("Remove interviewer {}", p + 1) }</button>
                                        </div>
                                    </fieldset>
                                }
                            }) }
                            <div class="av-actions-row">
                                <button type="button" class="av-btn" onclick={on_click(&form, move |f| f.rounds[r].interviewers.push(InterviewerForm::default()))}>{ "Add interviewer" }</button>
                                <button type="button" class="av-btn av-btn-danger" onclick={on_click(&form, move |f| { f.rounds.remove(r); })}>{ format!("Remove round {}", r + 1) }</button>
                            </div>
                        </fieldset>
                    }
                }) }
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={{ let today = today.clone(); on_click(&form, move |f| f.rounds.push(new_round(&today))) }}>{ "Add round" }</button>
                </div>
                <datalist id={ZONE_LIST_ID}>{ (*zone_options).clone() }</datalist>
                <ContactsEditor value={(*contacts).clone()} errors={(*errors).clone()}
                    interviewers={existing.as_ref().map(saved_interviewers).unwrap_or_default()}
                    on_change={{ let contacts = contacts.clone(); Callback::from(move |next| contacts.set(next)) }} />
                <div class="av-actions-row">
                    <button type="button" class="av-btn av-btn-primary" onclick={click_saves(&submit)}>{ if existing.is_some() { "Save changes" } else { "Save interview" } }</button>
                    <button type="button" class="av-btn" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}
