//! First-run onboarding: the user's name and an optional example interview.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::submit::{click_saves, enter_saves, no_native_submit};
use crate::core::data::backup::MAX_LINE_CHARS;
use crate::hooks::use_app;
use crate::state::Msg;

/// Why the typed name cannot be used, if it cannot.
fn name_problem(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some("Type your name: it closes every message Afterview drafts for you.")
    } else if name.chars().count() > MAX_LINE_CHARS {
        Some("That name is too long; keep it under 1,000 characters.")
    } else {
        None
    }
}

#[component]
pub fn Onboarding() -> Html {
    let app = use_app();
    let name = use_state(String::new);
    let with_sample = use_state(|| true);
    let error = use_state(|| None::<&'static str>);
    let name_input = use_node_ref();

    let on_name = {
        let name = name.clone();
        let error = error.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            name.set(input.value());
            if error.is_some() {
                error.set(None);
            }
        })
    };
    let on_sample = {
        let with_sample = with_sample.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            with_sample.set(input.checked());
        })
    };
    let on_submit = {
        let app = app.clone();
        let name = name.clone();
        let with_sample = with_sample.clone();
        let error = error.clone();
        let name_input = name_input.clone();
        Callback::from(move |()| {
            if let Some(problem) = name_problem(&name) {
                error.set(Some(problem));
                if let Some(input) = name_input.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
                return;
            }
            app.dispatch(Msg::FinishOnboarding {
                name: name.trim().to_string(),
                with_sample: *with_sample,
            });
        })
    };
    let on_skip = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Msg::FinishOnboarding {
                name: String::new(),
                with_sample: false,
            });
        })
    };

    let describedby = if error.is_some() {
        "av-onboard-name-hint av-onboard-name-error"
    } else {
        "av-onboard-name-hint"
    };

    html! {
        <section class="av-card av-onboarding" aria-labelledby="av-onboard-title" data-testid="onboarding">
            <h2 id="av-onboard-title" class="av-section-title">{ "Welcome to Afterview" }</h2>
            <p>
                { "After each interview, Afterview works out which follow-ups are worth sending and when: a thank-you note, a check-in once the promised reply date passes, and the like. It drafts each message for you to edit and send yourself." }
            </p>
            <p>
                { "What you enter stays in this browser on this device. There is no account and no server, so download a backup now and then from Settings." }
            </p>
            <form class="av-form" onsubmit={no_native_submit()} onkeydown={enter_saves(on_submit.clone())} novalidate=true>
                <div class="av-field">
                    <label for="av-onboard-name">{ "Your name" }</label>
                    <input
                        id="av-onboard-name"
                        type="text"
                        autocomplete="name"
                        required=true
                        ref={name_input}
                        value={(*name).clone()}
                        oninput={on_name}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={describedby}
                        data-testid="onboarding-name"
                    />
                    <span id="av-onboard-name-hint" class="av-hint">{ "Used to sign your drafts. You can change it later in Settings." }</span>
                    if let Some(problem) = *error {
                        <span id="av-onboard-name-error" class="av-error" role="alert">{ problem }</span>
                    }
                </div>
                <label class="av-check">
                    <input type="checkbox" checked={*with_sample} onchange={on_sample} data-testid="onboarding-sample" />
                    { "Add an example interview to explore" }
                </label>
                <div class="av-actions-row">
                    <button type="button" class="av-btn av-btn-primary" onclick={click_saves(&on_submit)} data-testid="onboarding-start">{ "Get started" }</button>
                    <button type="button" class="av-btn" onclick={on_skip} data-testid="onboarding-skip">{ "Skip" }</button>
                </div>
            </form>
        </section>
    }
}
