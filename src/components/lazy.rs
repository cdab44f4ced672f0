//! Views most visits never open, each in a wasm chunk of its own that is fetched the first time
//! the view is shown, so the first download holds only what Today needs.
//!
//! Each `#[wasm_split]` function below marks a split point: `scripts/build.sh` moves it, and
//! everything only it reaches, into a separate file. It returns the view's render function,
//! which is kept so that later visits draw the view at once.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use yew::prelude::*;

use crate::core::data::model::ProcessId;
use crate::services::styles::Attach;

/// A view that lives in a chunk of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Interviews,
    Process,
    ProcessForm,
    InviteImport,
    Settings,
    Draft,
    /// The opened part of an action's row.
    ActionDetails,
    /// The first visit's welcome: shown once per person, so never part of the first download.
    Onboarding,
    /// Banners for storage problems and set-aside data.
    Notices,
    /// The bar over Today's rows once some are ticked.
    BulkBar,
}

impl Part {
    /// A page of its own, whose heading takes focus when it arrives; the rest appear where the
    /// person already is (a row's details, a banner, the bulk bar) or are the first screen
    /// (the welcome), and leave focus alone.
    fn takes_focus(self) -> bool {
        !matches!(
            self,
            Part::ActionDetails | Part::Notices | Part::Onboarding | Part::BulkBar
        )
    }

    /// Styled by the views' sheet (`styles/views.css`); banners and the bulk bar only use the
    /// first screen's.
    fn uses_views_sheet(self) -> bool {
        !matches!(self, Part::Notices | Part::BulkBar)
    }
}

/// Draws a loaded view from the [`Lazy`] props that name it.
type Render = fn(&LazyProps) -> Html;

/// A chunk that could not be fetched (offline before it was ever cached, say).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadFailed;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

thread_local! {
    /// The parts loaded so far (ten at most: a list is all it takes).
    static LOADED: RefCell<Vec<(Part, Render)>> = const { RefCell::new(Vec::new()) };
}

/// Whether `part`'s chunk is here (its view draws at once).
pub fn is_loaded(part: Part) -> bool {
    loaded(part).is_some()
}

fn loaded(part: Part) -> Option<Render> {
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .find(|(loaded, _)| *loaded == part)
            .map(|(_, render)| *render)
    })
}

/// A split point: with the `split` feature its body goes to a chunk of its own (and calling
/// it fetches that chunk first); without it, the view is in the one module.
macro_rules! part {
    ($chunk:ident, $name:ident, $render:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        fn $name() -> Result<(Render, Attach), LoadFailed> {
            Ok(($render, crate::services::styles::attach))
        }

        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<(Render, Attach), LoadFailed> {
            Ok(($render, crate::services::styles::attach))
        }
    };
}

part!(interviews, interviews_view, |_| html! {
    <crate::components::interviews::Interviews />
});
part!(process, process_view, |props| match props.id {
    Some(id) => html! { <crate::components::process_detail::ProcessDetail {id} /> },
    None => Html::default(),
});
part!(form, process_form_view, |props| html! {
    <crate::components::process_form::ProcessFormView id={props.id} />
});
part!(invite, invite_view, |_| html! {
    <crate::components::invite_import::InviteImport />
});
part!(settings, settings_view, |_| html! {
    <crate::components::settings_view::SettingsView />
});
part!(draft, draft_view, |_| html! {
    <crate::components::draft_panel::DraftPanel />
});
part!(details, action_details_view, |props| match &props.details {
    Some(details) => html! {
        <crate::components::action_details::ActionDetails key={details.open.slug()} ..details.clone() />
    },
    None => Html::default(),
});

part!(onboarding, onboarding_view, |_| html! {
    <crate::components::onboarding::Onboarding />
});
part!(notices, notices_view, |_| html! {
    <crate::components::notices::Notices />
});
part!(bulk, bulk_bar_view, |props| match &props.bulk {
    Some(bulk) => html! { <crate::components::bulk_bar::BulkBar ..bulk.clone() /> },
    None => Html::default(),
});

async fn load(part: Part) -> Result<Render, LoadFailed> {
    let (render, attach) = match part {
        Part::Interviews => interviews_view().await,
        Part::Process => process_view().await,
        Part::ProcessForm => process_form_view().await,
        Part::InviteImport => invite_view().await,
        Part::Settings => settings_view().await,
        Part::Draft => draft_view().await,
        Part::ActionDetails => action_details_view().await,
        Part::Onboarding => onboarding_view().await,
        Part::Notices => notices_view().await,
        Part::BulkBar => bulk_bar_view().await,
    }?;
    crate::services::styles::remember(attach);
    if part.uses_views_sheet() {
        attach().await;
    }
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        if !loaded.iter().any(|(loaded, _)| *loaded == part) {
            loaded.push((part, render));
        }
    });
    Ok(render)
}

#[derive(Clone, PartialEq, Properties)]
pub struct LazyProps {
    pub part: Part,
    #[prop_or_default]
    pub id: Option<ProcessId>,
    /// The part opens over the page (a dialog): its waiting and failure notes float at the
    /// bottom of the screen, where they are seen whatever the scroll position.
    #[prop_or_default]
    pub floating: bool,
    /// Nothing is shown while the part is fetched (a banner that appears once it is here).
    #[prop_or_default]
    pub quiet: bool,
    /// For [`Part::ActionDetails`]: the row's details.
    #[prop_or_default]
    pub details: Option<crate::components::action_details::ActionDetailsProps>,
    /// For [`Part::BulkBar`]: the ticked rows.
    #[prop_or_default]
    pub bulk: Option<crate::components::bulk_bar::BulkProps>,
}

#[derive(Clone, Copy)]
enum Loading {
    Ready(Render),
    Waiting,
    Failed,
}

/// Where fetching stands, and how many times the person asked to try again.
#[derive(Clone, Copy)]
struct Fetch {
    loading: Loading,
    attempt: u32,
}

/// Shows `part` (drawn at once when its chunk is already here), else a short line while it is
/// fetched, or a message with a retry button when fetching failed.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let part = props.part;
    // One state for both (each kind of state is code of its own in the first download).
    let fetch = use_state(|| Fetch {
        loading: loaded(part).map_or(Loading::Waiting, Loading::Ready),
        attempt: 0,
    });
    let wrapper = use_node_ref();
    {
        let fetch = fetch.clone();
        let wrapper = wrapper.clone();
        use_effect_with(
            (part, fetch.attempt),
            move |&(part, attempt)| match loaded(part) {
                // Drawn from the cache below; setting state would only draw it a second time.
                Some(_) => {}
                None => {
                    fetch.set(Fetch {
                        loading: Loading::Waiting,
                        attempt,
                    });
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = load(part).await;
                        let ready = result.is_ok();
                        let loading = match result {
                            Ok(render) => Loading::Ready(render),
                            Err(LoadFailed) => Loading::Failed,
                        };
                        fetch.set(Fetch { loading, attempt });
                        if part == Part::Onboarding && ready {
                            // On a first visit the welcome is the first useful screen: marked
                            // once drawn (Yew draws before a timeout's turn comes).
                            gloo::timers::callback::Timeout::new(0, crate::app::first_screen_shown)
                                .forget();
                        } else if part.takes_focus() && ready {
                            focus_heading_once_drawn(wrapper);
                        }
                    });
                }
            },
        );
    }
    // A view switched to another part draws from the cache before the effect runs.
    let now = loaded(part).map_or(fetch.loading, Loading::Ready);
    // Plain class strings: Yew's `Classes` set would bring its hash set into the first download.
    let content = match now {
        Loading::Ready(render) => render(props),
        Loading::Waiting if props.quiet => Html::default(),
        Loading::Waiting => html! {
            <p class={if props.floating { "av-hint av-loading av-loading-float" } else { "av-hint av-loading" }} role="status">{ "Opening…" }</p>
        },
        Loading::Failed => {
            let retry = {
                let fetch = fetch.clone();
                Callback::from(move |_| {
                    fetch.set(Fetch {
                        loading: Loading::Waiting,
                        attempt: fetch.attempt + 1,
                    })
                })
            };
            html! {
                <div class={if props.floating { "av-loading av-loading-float" } else { "av-loading" }} role="alert">
                    <p>{ "This part of Afterview could not be loaded. You may be offline; your data is safe." }</p>
                    <button type="button" class="av-btn" onclick={retry}>{ "Try again" }</button>
                </div>
            }
        }
    };
    html! { <div class="av-part" ref={wrapper}>{ content }</div> }
}

/// The app moves focus to a new view's heading when the view changes; a view that arrived
/// later than that gets the same once it is drawn, unless the user has already moved on
/// (focus left on the page body or the menu means they have not).
fn focus_heading_once_drawn(wrapper: NodeRef) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(wrapper) = wrapper.cast::<web_sys::Element>() else {
            return;
        };
        let root = wrapper.get_root_node();
        let active = root
            .dyn_ref::<web_sys::ShadowRoot>()
            .map(|shadow| shadow.active_element())
            .unwrap_or_else(|| gloo::utils::document().active_element());
        let idle = match active {
            None => true,
            Some(element) => {
                element.tag_name() == "BODY"
                    || element.closest(".av-nav").ok().flatten().is_some()
                    || element.closest("afterview-widget").ok().flatten().is_some()
            }
        };
        let heading = wrapper
            .query_selector("h2")
            .ok()
            .flatten()
            .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
        if let (true, Some(heading)) = (idle, heading) {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            let _ = heading.focus();
        }
    })
    .forget();
}

/// How long after the first screen the remaining views are fetched: late enough to stay out
/// of the start-up's way, early enough that a first tap rarely waits.
const PRELOAD_AFTER_MS: u32 = 1_500;

/// Fetches `part` now, unless it is here: for a part the first screen offers at once (a row's
/// details), so that opening it rarely waits.
pub fn preload(part: Part) {
    if loaded(part).is_none() {
        wasm_bindgen_futures::spawn_local(async move {
            // A failure is shown, with a retry, when the part is actually opened.
            let _ = load(part).await;
        });
    }
}

/// Fetches every view's chunk, one after another, a moment after the first screen is drawn,
/// so that opening a view later does not wait for the network (and works offline on the
/// single-file build's first run too). Marks the end ("afterview-preloaded"): the offline
/// worker is installed only then, so that it copies these files from the HTTP cache instead
/// of downloading a second time what the page is about to ask for itself.
pub fn preload_later() {
    gloo::timers::callback::Timeout::new(PRELOAD_AFTER_MS, || {
        wasm_bindgen_futures::spawn_local(async {
            for part in [
                Part::ActionDetails,
                Part::BulkBar,
                Part::Draft,
                Part::Interviews,
                Part::Process,
                Part::ProcessForm,
                Part::Settings,
                Part::InviteImport,
            ] {
                if loaded(part).is_none() && load(part).await.is_err() {
                    break;
                }
            }
            crate::app::mark("afterview-preloaded");
        });
    })
    .forget();
}
