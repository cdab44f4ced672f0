//! Views most visits never open, each in a wasm chunk of its own that is fetched the first time
//! the view is shown, so the first download holds only what Today needs.
//!
//! Each `#[wasm_split]` function below marks a split point: `scripts/build.sh` moves it, and
//! everything only it reaches, into a separate file. It returns the view's render function,
//! which is kept so that later visits draw the view at once.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_split_helpers::{wasm_split, SplitLoaderError};
use yew::prelude::*;

use crate::core::data::model::ProcessId;

/// A view that lives in a chunk of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Interviews,
    Process,
    ProcessForm,
    InviteImport,
    Settings,
    Draft,
}

/// Draws a loaded view; `id` is the process the view is about, if any.
type Render = fn(Option<ProcessId>) -> Html;

/// A chunk that could not be fetched (offline before it was ever cached, say).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadFailed;

impl From<SplitLoaderError> for LoadFailed {
    fn from(_: SplitLoaderError) -> Self {
        LoadFailed
    }
}

thread_local! {
    static LOADED: RefCell<HashMap<Part, Render>> = RefCell::new(HashMap::new());
}

fn loaded(part: Part) -> Option<Render> {
    LOADED.with(|loaded| loaded.borrow().get(&part).copied())
}

#[wasm_split(interviews, fallible)]
fn interviews_view() -> Result<Render, LoadFailed> {
    Ok(|_| html! { <crate::components::interviews::Interviews /> })
}

#[wasm_split(process, fallible)]
fn process_view() -> Result<Render, LoadFailed> {
    Ok(|id| match id {
        Some(id) => html! { <crate::components::process_detail::ProcessDetail {id} /> },
        None => Html::default(),
    })
}

#[wasm_split(form, fallible)]
fn process_form_view() -> Result<Render, LoadFailed> {
    Ok(|id| html! { <crate::components::process_form::ProcessFormView {id} /> })
}

#[wasm_split(invite, fallible)]
fn invite_view() -> Result<Render, LoadFailed> {
    Ok(|_| html! { <crate::components::invite_import::InviteImport /> })
}

#[wasm_split(settings, fallible)]
fn settings_view() -> Result<Render, LoadFailed> {
    Ok(|_| html! { <crate::components::settings_view::SettingsView /> })
}

#[wasm_split(draft, fallible)]
fn draft_view() -> Result<Render, LoadFailed> {
    Ok(|_| html! { <crate::components::draft_panel::DraftPanel /> })
}

async fn load(part: Part) -> Result<Render, LoadFailed> {
    let render = match part {
        Part::Interviews => interviews_view().await,
        Part::Process => process_view().await,
        Part::ProcessForm => process_form_view().await,
        Part::InviteImport => invite_view().await,
        Part::Settings => settings_view().await,
        Part::Draft => draft_view().await,
    }?;
    LOADED.with(|loaded| loaded.borrow_mut().insert(part, render));
    Ok(render)
}

#[derive(Clone, PartialEq, Properties)]
pub struct LazyProps {
    pub part: Part,
    #[prop_or_default]
    pub id: Option<ProcessId>,
}

#[derive(Clone, Copy)]
enum Loading {
    Ready(Render),
    Waiting,
    Failed,
}

/// Shows `part` (drawn at once when its chunk is already here), else a short line while it is
/// fetched, or a message with a retry button when fetching failed.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let part = props.part;
    let loading = use_state(|| loaded(part).map_or(Loading::Waiting, Loading::Ready));
    let attempt = use_state(|| 0_u32);
    {
        let loading = loading.clone();
        use_effect_with((part, *attempt), move |&(part, _)| match loaded(part) {
            Some(render) => loading.set(Loading::Ready(render)),
            None => {
                loading.set(Loading::Waiting);
                wasm_bindgen_futures::spawn_local(async move {
                    loading.set(match load(part).await {
                        Ok(render) => Loading::Ready(render),
                        Err(LoadFailed) => Loading::Failed,
                    });
                });
            }
        });
    }
    // A view switched to another part draws from the cache before the effect runs.
    let now = loaded(part).map_or(*loading, Loading::Ready);
    match now {
        Loading::Ready(render) => render(props.id),
        Loading::Waiting => html! {
            <p class="av-hint av-loading" role="status">{ "Opening…" }</p>
        },
        Loading::Failed => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            html! {
                <div class="av-loading" role="alert">
                    <p>{ "This part of Afterview could not be loaded. You may be offline; your data is safe." }</p>
                    <button type="button" class="av-btn" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
    }
}

/// Fetches the chunks most likely to be opened next once the first screen is drawn, so that a
/// tap on a card or a menu item does not wait for the network.
pub fn preload_common() {
    wasm_bindgen_futures::spawn_local(async {
        for part in [Part::Draft, Part::Interviews, Part::Process] {
            if loaded(part).is_none() && load(part).await.is_err() {
                break;
            }
        }
    });
}
