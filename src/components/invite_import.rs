//! Importing an invitation: drop or pick an `.ics` file, or paste an invitation or email;
//! shows what was found and what is missing, then opens the interview form filled in.
//! Nothing is saved until the user saves that form. All reading is the core's
//! `read_invitation`; this component only moves text and shows results.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::components::process_form::ProcessFormView;
use crate::core::app::contacts_form::ContactsForm;
use crate::core::app::form::ProcessForm;
use crate::core::data::invite::guess::Confidence;
use crate::core::data::invite::{
    read_invitation, InvitationPrefill, InviteContext, InviteError, Outcome, MAX_BYTES,
};
use crate::core::data::model::ProcessId;
use crate::core::planning::zone::UserZone;
use crate::hooks::use_app;
use crate::services::intl_zone::IntlZones;
use crate::state::{Msg, View};

/// What the import screen shows.
#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Read(Rc<InvitationPrefill>),
    Failed(String),
    Form(Rc<ProcessForm>, Rc<ContactsForm>, Option<ProcessId>),
}

/// Reads a file's text in the browser, refusing anything over the size limit unread.
async fn file_text(file: web_sys::File) -> Result<String, String> {
    let size = file.size();
    if size > MAX_BYTES as f64 {
        return Err(InviteError::TooLarge {
            bytes: size as usize,
        }
        .to_string());
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    text.as_string()
        .ok_or_else(|| InviteError::NotText.to_string())
}

#[component]
pub fn InviteImport() -> Html {
    let ctx = use_app();
    let step = use_state(|| Step::Choose);
    let pasted = use_state(String::new);
    let dragging = use_state(|| false);
    let zones = use_memo((), |_| IntlZones::new());

    // Reads text with the user's settings and data; the result replaces the screen.
    let read = {
        let ctx = ctx.clone();
        let step = step.clone();
        let zones = zones.clone();
        Callback::from(move |text: String| {
            let settings = &ctx.state.data.settings;
            let context = InviteContext {
                user_email: &settings.email,
                user_zone: UserZone::from_setting(settings.time_zone),
                today: ctx.state.now.date_naive(),
                existing: &ctx.state.data.processes,
                zones: &*zones,
            };
            match read_invitation(&text, &context) {
                Ok(prefill) => step.set(Step::Read(Rc::new(prefill))),
                Err(error) => step.set(Step::Failed(error.to_string())),
            }
        })
    };
    let read_file = {
        let read = read.clone();
        let step = step.clone();
        Callback::from(move |file: web_sys::File| {
            let read = read.clone();
            let step = step.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match file_text(file).await {
                    Ok(text) => read.emit(text),
                    Err(reason) => step.set(Step::Failed(reason)),
                }
            });
        })
    };
    let on_pick = {
        let read_file = read_file.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let read_file = read_file.clone();
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0))
            {
                read_file.emit(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_read_pasted = {
        let read = read.clone();
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| read.emit((*pasted).clone()))
    };
    let back = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Choose))
    };
    let cancel = ctx.callback(|_: MouseEvent| Msg::Navigate(View::Interviews));

    let body = match (*step).clone() {
        Step::Form(form, contacts, id) => {
            return html! { <ProcessFormView {id} prefill={Some(form)} prefill_contacts={Some(contacts)} /> };
        }
        Step::Choose => html! {
            <>
                <div class={classes!("av-dropzone", dragging.then_some("av-dropzone-active"))}
                    ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}
                    data-testid="invite-drop">
                    <p>{ "Drop the invitation file (.ics) here, or choose it:" }</p>
                    <label class="av-btn" for="av-invite-file">{ "Choose a file" }</label>
                    <input id="av-invite-file" class="av-sr-only" type="file"
                        accept=".ics,text/calendar,.txt,.eml,text/plain" onchange={on_pick} />
                </div>
                <div class="av-field">
                    <label for="av-invite-text">{ "Or paste the invitation or the email that announced the interview" }</label>
                    <textarea id="av-invite-text" rows="10" value={(*pasted).clone()} oninput={on_paste_input} />
                </div>
                <div class="av-actions-row">
                    <button type="button" class="av-btn av-btn-primary" onclick={on_read_pasted}
                        disabled={pasted.trim().is_empty()}>{ "Read the text" }</button>
                    <button type="button" class="av-btn" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </>
        },
        Step::Failed(reason) => html! {
            <>
                <p class="av-banner av-banner-error" role="alert">{ reason }</p>
                <div class="av-actions-row">
                    <button type="button" class="av-btn" onclick={back}>{ "Try another file or text" }</button>
                </div>
            </>
        },
        Step::Read(prefill) => {
            let (target, continue_label, heading) = match &prefill.outcome {
                Outcome::New => (
                    None,
                    "Continue to the form",
                    "Found in the invitation".to_string(),
                ),
                Outcome::Update {
                    process,
                    changes,
                    added,
                } => {
                    let mut words: Vec<String> =
                        changes.iter().map(|c| c.summary.clone()).collect();
                    if *added > 0 {
                        words.push(format!("{added} new round(s)"));
                    }
                    (
                        Some(*process),
                        "Review the change",
                        format!("An update of an interview you have: {}", words.join("; ")),
                    )
                }
                Outcome::Cancelled { process, label, .. } => (
                    Some(*process),
                    "Review and remove the round",
                    format!("Cancelled: {label}"),
                ),
            };
            let confirm = |label: &str, guess: &crate::core::data::invite::guess::Guess| {
                if !guess.is_found() {
                    return html! {};
                }
                let note = match guess.confidence {
                    Confidence::Likely => "",
                    Confidence::Unsure => " (a guess: check it in the form)",
                };
                html! { <li>{ format!("{label}: {}{note}", guess.value) }</li> }
            };
            let go = {
                let step = step.clone();
                let form = Rc::new(prefill.form.clone());
                let contacts = Rc::new(prefill.contacts.clone());
                Callback::from(move |_: MouseEvent| {
                    step.set(Step::Form(form.clone(), contacts.clone(), target))
                })
            };
            html! {
                <>
                    <h3 class="av-subtitle">{ heading }</h3>
                    <ul class="av-found" aria-label="Found">
                        { confirm("Company", &prefill.company) }
                        { confirm("Role", &prefill.role) }
                        { for prefill.found.iter().filter(|line| !line.starts_with("Company") && !line.starts_with("Role")).map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                    if !prefill.missing.is_empty() {
                        <h3 class="av-subtitle">{ "Not found or assumed" }</h3>
                        <ul class="av-missing" aria-label="Not found">
                            { for prefill.missing.iter().map(|line| html! { <li>{ line }</li> }) }
                        </ul>
                    }
                    <p class="av-hint">{ "Nothing is saved until you save the form." }</p>
                    <div class="av-actions-row">
                        <button type="button" class="av-btn av-btn-primary" onclick={go}>{ continue_label }</button>
                        <button type="button" class="av-btn" onclick={back}>{ "Start over" }</button>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="av-section" aria-labelledby="av-import-title">
            <h2 id="av-import-title" class="av-section-title">{ "Import an invitation" }</h2>
            <div class="av-card av-import">{ body }</div>
        </section>
    }
}
