//! The draft panel: the message for one action, editable, proofread as the user types, with
//! a tone switch, Copy (with a fallback when the clipboard is denied), "Open in mail app", and
//! the call script for phone actions.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::format;
use crate::core::data::model::Channel;
use crate::core::data::settings::Tone;
use crate::core::writing::drafts::{check_context, compose_with_tone};
use crate::core::writing::mailto::{mailto_url, MailtoError};
use crate::core::writing::proofread::{check, DraftText, Field, Severity};
use crate::core::writing::wording::plural;
use crate::hooks::use_app;
use crate::services::clipboard;
use crate::state::{EditedDraft, Msg};

#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Denied(String),
}

/// A short excerpt around a finding's span, with the span itself marked.
fn excerpt(text: &str, span: &std::ops::Range<usize>) -> Option<Html> {
    if span.start > span.end
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        return None;
    }
    let mut before_start = span.start.saturating_sub(24);
    while !text.is_char_boundary(before_start) {
        before_start -= 1;
    }
    let mut after_end = (span.end + 24).min(text.len());
    while !text.is_char_boundary(after_end) {
        after_end += 1;
    }
    let shown = |s: &str| s.replace('\n', " ");
    Some(html! {
        <span class="av-excerpt">{ "…" }{ shown(&text[before_start..span.start]) }<mark>{ shown(&text[span.clone()]) }</mark>{ shown(&text[span.end..after_end]) }{ "…" }</span>
    })
}

/// Calls a method of the dialog element that takes no argument (`showModal`, `close`).
fn call(dialog: &web_sys::HtmlElement, method: &str) {
    if let Ok(function) = js_sys::Reflect::get(dialog, &method.into()) {
        if let Some(function) = function.dyn_ref::<js_sys::Function>() {
            let _ = function.call0(dialog);
        }
    }
}

/// The element that has focus in `element`'s document or shadow root (the embedded widget
/// lives in a shadow root, where the document only sees the host element as focused).
fn focused_in(element: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let root = element.get_root_node();
    let focused = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    };
    focused.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Gives focus back to the opener, or when it is gone (the action was marked done), to the
/// heading of the view behind, so focus never falls to the page body.
fn return_focus(opener: Option<web_sys::HtmlElement>, app: Option<web_sys::Element>) {
    if let Some(opener) = opener.filter(|opener| opener.is_connected()) {
        let _ = opener.focus();
        return;
    }
    let heading = app
        .and_then(|app| app.query_selector(".av-main h2").ok().flatten())
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        let _ = heading.focus();
    }
}

#[component]
pub fn DraftPanel() -> Html {
    let ctx = use_app();
    let tone = use_state(|| ctx.state.data.settings.tone);
    let copy_state = use_state(|| CopyState::Idle);
    let heading = use_node_ref();
    let body_ref = use_node_ref();
    // What the user typed lives here while they type, so a keystroke re-renders only this
    // panel; it is handed to the app state when the field loses focus or the panel closes.
    let typed = use_state(|| {
        ctx.state
            .draft
            .and_then(|target| ctx.state.edited_drafts.get(&target).cloned())
    });
    // Composing is done once per action, tone and data change, never per keystroke.
    let composed = {
        let state = ctx.state.clone();
        let plan = ctx.plan.clone();
        use_memo(
            (state.draft, *tone, state.data_version, state.now),
            move |(target, tone, _, _)| {
                let target = (*target)?;
                let action = plan
                    .iter()
                    .find(|a| a.process == target.process && a.key() == target.key)
                    .cloned()?;
                let process = state.process(target.process)?.clone();
                let settings = &state.data.settings;
                let draft = compose_with_tone(&action, &process, settings, *tone);
                let context = check_context(&action, &process, settings);
                Some((action, process, draft, context))
            },
        )
    };

    // Opened as a modal <dialog>: the browser keeps focus inside and makes the page behind
    // inert. On close, focus goes back to the control that opened the panel.
    let dialog_ref = use_node_ref();
    {
        let heading = heading.clone();
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            let dialog = dialog_ref.cast::<web_sys::HtmlElement>();
            let opener = dialog.as_ref().and_then(focused_in);
            let app = dialog
                .as_ref()
                .and_then(|dialog| dialog.closest(".av-app").ok().flatten());
            // Escape is handled by the panel's key handler, which also keeps typed text; the
            // dialog must not close itself behind the app state's back.
            let cancel = dialog.as_ref().map(|dialog| {
                EventListener::new_with_options(
                    dialog,
                    "cancel",
                    EventListenerOptions::enable_prevent_default(),
                    |event| event.prevent_default(),
                )
            });
            if let Some(dialog) = &dialog {
                call(dialog, "showModal");
            }
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
            move || {
                drop(cancel);
                // Closed first: while the modal dialog is open, the page behind is inert and
                // cannot take focus.
                if let Some(dialog) = &dialog {
                    call(dialog, "close");
                }
                return_focus(opener, app);
            }
        });
    }

    let Some(target) = ctx.state.draft else {
        return html! {};
    };
    // Closing hands any typed text to the app state first, so it is there when reopened.
    let close_panel = {
        let ctx = ctx.clone();
        let typed = typed.clone();
        std::rc::Rc::new(move || {
            if let Some(text) = (*typed).clone() {
                ctx.dispatch(Msg::EditDraft(target, text));
            }
            ctx.dispatch(Msg::CloseDraft);
        })
    };
    let close = {
        let close_panel = close_panel.clone();
        Callback::from(move |_: MouseEvent| close_panel())
    };
    let on_key = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            close_panel();
        }
    });
    let Some((action, process, draft, context)) = (*composed).clone() else {
        return html! {
            <dialog class="av-dialog" ref={dialog_ref} aria-labelledby="av-draft-title" onkeydown={on_key}>
                <h2 id="av-draft-title" tabindex="-1" ref={heading}>{ "Nothing left to draft" }</h2>
                <p>{ "This action is no longer planned (done, dismissed or out of date)." }</p>
                <button type="button" class="av-btn" onclick={close}>{ "Close" }</button>
            </dialog>
        };
    };
    let edited = (*typed).clone();
    let subject = edited.as_ref().map_or_else(
        || draft.subject.clone().unwrap_or_default(),
        |e| e.subject.clone(),
    );
    let body = edited
        .as_ref()
        .map_or_else(|| draft.body.clone(), |e| e.body.clone());
    let findings = check(
        &DraftText {
            subject: &subject,
            body: &body,
        },
        &context,
    );
    let is_phone = action.channel == Channel::Phone;
    let has_subject = draft.subject.is_some();

    let on_body = {
        let typed = typed.clone();
        let subject = subject.clone();
        Callback::from(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            typed.set(Some(EditedDraft {
                subject: subject.clone(),
                body: area.value(),
            }));
        })
    };
    let on_subject = {
        let typed = typed.clone();
        let body = body.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            typed.set(Some(EditedDraft {
                subject: input.value(),
                body: body.clone(),
            }));
        })
    };
    let keep_typed = {
        let ctx = ctx.clone();
        let typed = typed.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some(text) = (*typed).clone() {
                ctx.dispatch(Msg::EditDraft(target, text));
            }
        })
    };
    let plain = if has_subject && action.channel == Channel::Email {
        format!("Subject: {subject}\n\n{body}")
    } else {
        body.clone()
    };
    let copy = {
        let copy_state = copy_state.clone();
        let ctx = ctx.clone();
        let body_ref = body_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let copy_state = copy_state.clone();
            let ctx = ctx.clone();
            let body_ref = body_ref.clone();
            let plain = plain.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match clipboard::copy(&plain).await {
                    Ok(()) => {
                        copy_state.set(CopyState::Copied);
                        ctx.dispatch(Msg::Announce("Copied to the clipboard.".into()));
                    }
                    Err(why) => {
                        // Fallback: select the text so a keyboard shortcut copies it.
                        if let Some(area) = body_ref.cast::<web_sys::HtmlTextAreaElement>() {
                            let _ = area.focus();
                            area.select();
                        }
                        copy_state.set(CopyState::Denied(why));
                    }
                }
            });
        })
    };
    let mailto = if action.channel == Channel::Email {
        Some(mailto_url(&draft.recipient.address, &subject, &body))
    } else {
        None
    };
    let mark_done = {
        let key = action.key();
        let channel = action.channel;
        let now = ctx.state.now;
        ctx.callback(move |_: MouseEvent| Msg::MarkDone {
            process: target.process,
            key,
            channel,
            at: now,
        })
    };
    let reset = {
        let ctx = ctx.clone();
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| {
            typed.set(None);
            ctx.dispatch(Msg::ResetDraft(target));
        })
    };
    let set_tone = |value: Tone| {
        let tone = tone.clone();
        let ctx = ctx.clone();
        let typed = typed.clone();
        Callback::from(move |_: Event| {
            tone.set(value);
            typed.set(None);
            ctx.dispatch(Msg::ResetDraft(target));
        })
    };
    let person = action
        .recipient_id()
        .and_then(|id| process.person(id))
        .map(|p| p.name().to_string());
    let title = match &person {
        Some(name) => format!("{} to {}", action.kind.label(), name),
        None => format!("{} — {}", action.kind.label(), process.company),
    };
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();

    html! {
            <dialog class="av-dialog av-draft" ref={dialog_ref} aria-labelledby="av-draft-title" data-kind={action.kind.slug()} onkeydown={on_key}>
                <div class="av-dialog-head">
                    <div>
                        <h2 id="av-draft-title" tabindex="-1" ref={heading}>{ title }</h2>
                        <p class="av-action-meta">{ format!("{} · due {} ({})", action.channel.label(), format::moment(&action.due), format::relative(&action.due, &ctx.state.now)) }</p>
                    </div>
                    <button type="button" class="av-btn" onclick={close.clone()} aria-label="Close the draft">{ "Close" }</button>
                </div>
                <fieldset class="av-tone">
                    <legend class="av-label">{ "Tone" }</legend>
                    <div class="av-actions-row">
                        { for Tone::ALL.iter().map(|t| html! {
                            <label class="av-check">
                                <input type="radio" name="av-tone" value={t.label()} checked={*tone == *t} onchange={set_tone(*t)} />{ t.label() }
                            </label>
                        }) }
                    </div>
                    <span class="av-hint">{ "Switching tone starts again from a fresh draft." }</span>
                </fieldset>
                if !is_phone {
                    <p class="av-action-meta">{ draft.recipient.to_line(draft.channel) }</p>
                }
                if has_subject {
                    <div class="av-field">
                        <label for="av-draft-subject">{ "Subject" }</label>
                        <input id="av-draft-subject" type="text" value={subject.clone()} oninput={on_subject} onblur={keep_typed.clone()} />
                    </div>
                }
                if is_phone {
                    <div>
                        <h3 class="av-label">{ "Call script" }</h3>
                        <ol class="av-script" data-testid="phone-script">
                            { for body.lines().filter(|l| !l.trim().is_empty()).map(|line| html! { <li>{ line.trim() }</li> }) }
                        </ol>
                    </div>
                }
                <div class="av-field">
                    <label for="av-draft-body">{ if is_phone { "Edit the script" } else { "Message" } }</label>
                    <textarea id="av-draft-body" ref={body_ref} value={body.clone()} oninput={on_body} onblur={keep_typed} aria-describedby="av-findings-title av-draft-spelling" spellcheck="true" />
                    <span class="av-hint" id="av-draft-spelling">{ "Your browser's own spell check stays on in this box: words it underlines are worth a second look. The proofreading below adds checks for names, placeholders, tone and length." }</span>
                </div>
                <section class="av-findings" aria-labelledby="av-findings-title" data-testid="findings">
                    <h3 id="av-findings-title" class="av-label">
                        { if findings.is_empty() { "Proofreading: nothing to fix.".to_string() }
                          else { format!("Proofreading: {}{}", plural(findings.len(), "finding", "findings"), if errors > 0 { format!(", {errors} to fix before sending") } else { String::new() }) } }
                    </h3>
                    <ul class="av-findings">
                        { for findings.iter().map(|finding| {
                            let source = if finding.field == Field::Subject { subject.as_str() } else { body.as_str() };
                            html! {
                                <li class="av-finding" data-check={format!("{:?}", finding.check).to_lowercase()} data-severity={match finding.severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Hint => "hint", Severity::Info => "info" }}>
                                    { &finding.message }
                                    if let Some(span) = &finding.span { { " " }{ excerpt(source, span).unwrap_or_default() } }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
                <div class="av-actions-row">
                    <button type="button" class="av-btn av-btn-primary" onclick={copy}>{ "Copy" }</button>
                    { match &mailto {
                        Some(Ok(url)) => html! { <a class="av-btn" href={url.clone()}>{ "Open in mail app" }</a> },
                        Some(Err(MailtoError::TooLong { .. })) => html! { <span class="av-hint">{ "Too long for a mail link: use Copy and paste it into your mail app." }</span> },
                        Some(Err(_)) => html! { <span class="av-hint">{ "Add a valid email address to the interviewer to open this in your mail app." }</span> },
                        None => html! {},
                    } }
                    if edited.is_some() { <button type="button" class="av-btn" onclick={reset}>{ "Undo my edits" }</button> }
                    <button type="button" class="av-btn" onclick={mark_done}>{ "Mark done" }</button>
                </div>
                { match &*copy_state {
                    CopyState::Copied => html! { <p class="av-banner av-banner-ok" data-testid="copied">{ "Copied. Paste it into your message." }</p> },
                    CopyState::Denied(why) => html! { <p class="av-banner av-banner-warn" data-testid="copy-fallback">{ format!("{why} The message is selected: press Ctrl+C (or ⌘C) to copy it.") }</p> },
                    CopyState::Idle => html! {},
                } }
            </dialog>
    }
}
