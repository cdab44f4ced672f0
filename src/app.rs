//! The application root: opens storage, runs the planner, saves on change, and lays out views.
use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, DurationRound, FixedOffset, TimeDelta};
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::banners::Banners;
use crate::components::lazy::{Lazy, Part};
use crate::components::today::Today;
use crate::core::data::model::Process;
use crate::core::data::settings::{Settings, Theme};
use crate::core::data::storage::AppData;
use crate::core::planning::action::Action;
use crate::core::planning::calendar::BusinessCalendar;
use crate::core::planning::planner::plan;
use crate::core::planning::today::{today_plan, TodayPlan};
use crate::core::planning::zone::UserZone;
use crate::hooks::AppContext;
use crate::services::clock;
use crate::services::storage::{Opened, Store};
use crate::state::{
    dispatch, fetch_reducer, watch_reducer, with_kit, AppState, Msg, ReducerStatus, StorageStatus,
    View, Waiter,
};

/// Options an embedder sets (attributes of the host element).
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct AppProps {
    /// Separates this widget's data from other widgets on the same site.
    #[prop_or_default]
    pub namespace: AttrValue,
    /// Tighter spacing for a narrow sidebar.
    #[prop_or_default]
    pub compact: bool,
    /// Forces a theme regardless of the user's setting (`light`, `dark`, `auto`).
    #[prop_or_default]
    pub theme: Option<Theme>,
    #[prop_or(View::Today)]
    pub initial_view: View,
    /// Storage already read for this namespace (see [`mount`]); without it `App` reads it itself.
    #[prop_or_default]
    pub opened: Preopened,
}

/// Stored data read, decoded and planned before the first render, handed to [`App`] once.
/// [`mount`] runs each step in a task of its own, so with much data none of them is a long
/// task, and the first render's task only draws.
#[derive(Clone, Default)]
pub struct Preopened(Rc<RefCell<Option<Opened>>>, Rc<RefCell<Option<FirstPlan>>>);

/// The plan for the opened data at the minute the app starts, and Today's groups of it, made
/// before the first render.
struct FirstPlan {
    now: DateTime<FixedOffset>,
    actions: Option<Vec<Action>>,
    today: Option<TodayPlan>,
}

impl Preopened {
    /// Hands `opened` over as it is (the app plans it while rendering).
    pub fn new(opened: Opened) -> Self {
        Preopened(Rc::new(RefCell::new(Some(opened))), Rc::default())
    }

    /// Plans the opened data now, and groups the plan for Today, for the first renders to use
    /// instead of doing it again: the render's tasks then only draw.
    fn plan_ahead(&self) {
        let opened = self.0.borrow();
        let Some(opened) = opened.as_ref() else {
            return;
        };
        let data = &opened.data;
        let now = minute(clock::now(&data.settings));
        let actions = plan_at(data, now);
        let today = Some(today_at(&actions, &data.processes, &data.settings, now));
        *self.1.borrow_mut() = Some(FirstPlan {
            now,
            actions: Some(actions),
            today,
        });
    }

    /// Whether the opened data is a first visit's (the welcome is shown).
    fn first_visit(&self) -> bool {
        self.0
            .borrow()
            .as_ref()
            .is_some_and(|opened| needs_onboarding(&opened.data))
    }

    fn take(&self) -> Option<Opened> {
        self.0.borrow_mut().take()
    }

    /// The minute the plan made ahead is for, if there is one.
    fn planned_at(&self) -> Option<DateTime<FixedOffset>> {
        self.1.borrow().as_ref().map(|first| first.now)
    }

    /// The plan made ahead, once, if it was made for `now`.
    fn take_plan(&self, now: DateTime<FixedOffset>) -> Option<Vec<Action>> {
        self.take_ahead(now, |first| &mut first.actions)
    }

    /// Today's groups made ahead, once, if they were made for `now`.
    fn take_today(&self, now: DateTime<FixedOffset>) -> Option<TodayPlan> {
        self.take_ahead(now, |first| &mut first.today)
    }

    fn take_ahead<T>(
        &self,
        now: DateTime<FixedOffset>,
        part: fn(&mut FirstPlan) -> &mut Option<T>,
    ) -> Option<T> {
        let mut first = self.1.borrow_mut();
        part(first.as_mut().filter(|first| first.now == now)?).take()
    }
}

/// Whether the welcome is shown instead of Today: nothing entered yet, nor skipped.
fn needs_onboarding(data: &AppData) -> bool {
    !data.settings.onboarded && data.processes.is_empty()
}

/// The plan for `data` at `now`, in the user's zone: what Today shows.
fn plan_at(data: &AppData, now: DateTime<FixedOffset>) -> Vec<Action> {
    let zone = UserZone::from_setting(data.settings.time_zone);
    plan(&data.processes, &data.settings, &now.with_timezone(&zone))
}

/// Today's groups of `actions` at `now`, in the user's zone and business calendar.
fn today_at(
    actions: &[Action],
    processes: &[Process],
    settings: &Settings,
    now: DateTime<FixedOffset>,
) -> TodayPlan {
    let zone = UserZone::from_setting(settings.time_zone);
    let calendar = BusinessCalendar::from_settings(settings);
    today_plan(actions, processes, &calendar, &now.with_timezone(&zone))
}

impl PartialEq for Preopened {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Preopened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = if self.0.borrow().is_some() {
            "waiting"
        } else {
            "used"
        };
        f.debug_tuple("Preopened").field(&state).finish()
    }
}

fn minute(now: chrono::DateTime<chrono::FixedOffset>) -> chrono::DateTime<chrono::FixedOffset> {
    now.duration_trunc(TimeDelta::minutes(1)).unwrap_or(now)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // A namespace's key, cheap to make: not worth a memo (each is code in the first download).
    let store = Store::new(&props.namespace);
    let state = {
        let store = store.clone();
        let initial_view = props.initial_view.clone();
        let preopened = props.opened.clone();
        use_reducer(move || {
            let planned_at = preopened.planned_at();
            let opened = preopened.take().unwrap_or_else(|| {
                let provisional = clock::now(&Default::default());
                store.open(provisional)
            });
            let now = planned_at.unwrap_or_else(|| minute(clock::now(&opened.data.settings)));
            let mut state = AppState::new(opened.data, now, opened.status);
            state.quarantined = opened.quarantined;
            state.announcement = opened.notice;
            state.view = initial_view;
            state
        })
    };

    // Save whenever the data changed (never for data of a newer format).
    {
        let state = state.clone();
        let store = store.clone();
        use_effect_with(state.data_version, move |version| {
            if *version > 0
                && state.can_write()
                && !matches!(state.storage, StorageStatus::InMemory { .. })
            {
                // A change came through the reducer, so its chunk, the writer's, is here.
                let (state, store) = (state.clone(), store.clone());
                with_kit(Waiter::Nobody, move |kit| {
                    match store.save_text(&(kit.encode)(&state.data, state.now)) {
                        Ok(()) => {
                            if state.storage == StorageStatus::Full {
                                dispatch(&state, Msg::StorageChanged(StorageStatus::Saving));
                            }
                        }
                        Err(status) => dispatch(&state, Msg::StorageChanged(status)),
                    }
                });
            }
        });
    }

    // Announcements fade after a while (the undo offer with them).
    {
        let state = state.clone();
        use_effect_with(state.announcement.clone(), move |announcement| {
            let timeout = announcement
                .as_ref()
                .map(|_| Timeout::new(8_000, move || dispatch(&state, Msg::ClearAnnouncement)));
            move || drop(timeout)
        });
    }

    let show_onboarding = needs_onboarding(&state.data);
    let main_ref = use_node_ref();

    let actions = {
        let state = state.clone();
        let preopened = props.opened.clone();
        use_memo((state.data_version, state.now), move |_| {
            preopened
                .take_plan(state.now)
                .unwrap_or_else(|| plan_at(&state.data, state.now))
        })
    };

    // Whether a change waits for the reducer's chunk (see `crate::state`).
    let reducer_status = use_state(|| ReducerStatus::Ready);
    // One effect (each effect is code of its own in the first download), run after the first
    // render and again once Today is drawn. The first useful screen is Today, or on a first
    // visit the welcome, drawn by its part once its chunk is here (see `first_screen_shown`).
    let welcome_pending = show_onboarding && !crate::components::lazy::is_loaded(Part::Onboarding);
    // Today is drawn a task after the frame around it (header, menu, notices): each draw is then
    // a short task, and the first one compiles the code both use (the browser compiles each
    // wasm function the first time it runs).
    let today_held = use_state(|| state.view == View::Today && !show_onboarding);
    {
        let (state, store, reducer_status) = (state.clone(), store.clone(), reducer_status.clone());
        let today_held = today_held.clone();
        use_effect_with(*today_held, move |&held| {
            let installed = if held {
                next_task(move || today_held.set(false));
                None
            } else {
                if !welcome_pending {
                    // Where the benchmark's anchor marks its own first screen: in its root's
                    // first effect.
                    first_screen_shown();
                }
                Some(start_watching(state, store, reducer_status))
            };
            move || drop(installed)
        });
    }

    // A new view (or the end of onboarding) puts focus on its heading, so keyboard and screen
    // reader users start there rather than at the top of the page body.
    {
        let main = main_ref.clone();
        let shown = (state.view.clone(), show_onboarding);
        let first = use_mut_ref(|| true);
        use_effect_with(shown, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let heading = main
                .cast::<web_sys::Element>()
                .and_then(|main| main.query_selector("h2").ok().flatten())
                .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                if !heading.has_attribute("tabindex") {
                    let _ = heading.set_attribute("tabindex", "-1");
                }
                let _ = heading.focus();
            }
        });
    }

    let today = {
        let (state, actions) = (state.clone(), actions.clone());
        let preopened = props.opened.clone();
        use_memo((state.data_version, state.now), move |_| {
            preopened.take_today(state.now).unwrap_or_else(|| {
                today_at(
                    &actions,
                    &state.data.processes,
                    &state.data.settings,
                    state.now,
                )
            })
        })
    };
    let context = AppContext {
        state: state.clone(),
        changes: state.changes,
        plan: actions.clone(),
        today,
    };
    let theme = props.theme.unwrap_or(state.data.settings.theme);
    let theme = match theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };

    // During onboarding the views have nothing to show yet: the menu says so instead of
    // silently doing nothing.
    let nav = |label: &'static str, view: View, current: bool| {
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| dispatch(&state, Msg::Navigate(view.clone())))
        };
        html! {
            <button type="button" aria-current={current.then_some("page")} disabled={show_onboarding}
                aria-describedby={show_onboarding.then_some("av-nav-hint")} {onclick}>{ label }</button>
        }
    };
    let view = &state.view;
    let on_interviews = matches!(
        view,
        View::Interviews
            | View::Process(_)
            | View::NewProcess
            | View::EditProcess(_)
            | View::ImportInvitation
    );
    let toggle_theme = {
        let state = state.clone();
        Callback::from(move |_| {
            let mut settings = state.data.settings.clone();
            settings.theme = match settings.theme {
                Theme::Auto => Theme::Dark,
                Theme::Dark => Theme::Light,
                Theme::Light => Theme::Auto,
            };
            dispatch(&state, Msg::UpdateSettings(settings));
        })
    };
    let theme_label = match state.data.settings.theme {
        Theme::Auto => "Theme: auto",
        Theme::Dark => "Theme: dark",
        Theme::Light => "Theme: light",
    };

    // While Today is held the frame stays out of layout (and the loading line stays up): the
    // browser then has nothing to lay out between the two draws, and lays the frame and Today
    // out once, after the second.
    let held = *today_held;
    html! {
        <ContextProvider<AppContext> context={context}>
            if held {
                <p class="afterview-loading">{ "Loading " }<b>{ "Afterview" }</b>{ "…" }</p>
            }
            <div class="av-app" data-theme={theme} data-compact={props.compact.to_string()}
                style={held.then_some("display: none")}>
                <header class="av-header">
                    <h1 class="av-brand">{ "Afterview" }<small>{ "Interview follow-ups, planned" }</small></h1>
                    <nav class="av-nav" aria-label="Afterview">
                        { nav("Today", View::Today, *view == View::Today) }
                        { nav("Interviews", View::Interviews, on_interviews) }
                        { nav("Settings", View::Settings, *view == View::Settings) }
                    </nav>
                    if show_onboarding {
                        <p id="av-nav-hint" class="av-hint av-nav-hint">{ "The menu opens once you press Get started or Skip." }</p>
                    }
                    <button type="button" class="av-btn" onclick={toggle_theme} aria-label={format!("{theme_label}. Change theme")}>{ theme_label }</button>
                </header>
                <Banners />
                <main class="av-main" ref={main_ref}>
                    if show_onboarding {
                        <Lazy part={Part::Onboarding} />
                    } else {
                        { match view.clone() {
                            View::Today if held => Html::default(),
                            View::Today => html! { <Today /> },
                            View::Interviews => html! { <Lazy part={Part::Interviews} /> },
                            View::Process(id) => html! { <Lazy part={Part::Process} id={Some(id)} /> },
                            View::NewProcess => html! { <Lazy part={Part::ProcessForm} key="new" /> },
                            View::EditProcess(id) => html! { <Lazy part={Part::ProcessForm} id={Some(id)} key={id.to_string()} /> },
                            View::ImportInvitation => html! { <Lazy part={Part::InviteImport} /> },
                            View::Settings => html! { <Lazy part={Part::Settings} /> },
                        } }
                    }
                </main>
                if let Some(target) = state.draft {
                    <Lazy part={Part::Draft} floating=true key={format!("{}-{}", target.process, target.key)} />
                }
                { reducer_note(*reducer_status) }
                <div class="av-sr-only" role="status" aria-live="polite">{ state.announcement.clone().unwrap_or_default() }</div>
            </div>
        </ContextProvider<AppContext>>
    }
}

/// What a change waiting for the reducer's chunk looks like: a short line while it comes, and
/// a message with a retry when it could not be fetched (the change still waits, nothing is lost).
fn reducer_note(status: ReducerStatus) -> Html {
    match status {
        ReducerStatus::Ready => Html::default(),
        ReducerStatus::Waiting => html! {
            <p class="av-hint av-loading av-loading-float" role="status">{ "One moment…" }</p>
        },
        ReducerStatus::Failed => html! {
            <div class="av-loading av-loading-float" role="alert">
                <p>{ "Afterview could not load the part that applies your changes. You may be offline; what you did is kept and is applied once it loads." }</p>
                <button type="button" class="av-btn" onclick={Callback::from(|_| fetch_reducer())}>{ "Try again" }</button>
            </div>
        },
    }
}

/// What the app watches while it is open: the reducer's chunk arriving, the clock (once every
/// half minute, truncated to the minute so the plan changes at most once a minute) and saves
/// from other tabs (merged with ours). Dropping the result stops the clock and the listener.
fn start_watching(
    state: UseReducerHandle<AppState>,
    store: Store,
    reducer_status: UseStateHandle<ReducerStatus>,
) -> (Interval, Option<EventListener>) {
    watch_reducer(move |status| reducer_status.set(status));
    let interval = {
        let state = state.clone();
        Interval::new(30_000, move || {
            dispatch(&state, Msg::Tick(minute(clock::now(&state.data.settings))));
        })
    };
    // Another tab saved: merge its records with ours.
    let listener = web_sys::window().map(|window| {
        EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(store.key().as_str()) {
                return;
            }
            // Merging needs the reducer, whose chunk also has the general reader.
            let (state, new_value) = (state.clone(), event.new_value());
            with_kit(Waiter::Nobody, move |kit| {
                if let Some(theirs) = Store::read_other(kit.load, new_value) {
                    dispatch(&state, Msg::MergeIncoming(theirs));
                }
            });
        })
    });
    (interval, listener)
}

/// Reads the embedder's options from the host element's attributes.
fn props_from(element: &web_sys::Element) -> AppProps {
    let attr = |name: &str| element.get_attribute(name).unwrap_or_default();
    AppProps {
        namespace: attr("namespace").into(),
        compact: matches!(attr("compact").as_str(), "" if element.has_attribute("compact"))
            || attr("compact") == "true",
        theme: match attr("theme").as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        },
        initial_view: match attr("view").as_str() {
            "interviews" => View::Interviews,
            "settings" => View::Settings,
            _ => View::Today,
        },
        opened: Preopened::default(),
    }
}

/// Mounts the app on `element` (a host element or a shadow root's container) in tasks after
/// this one: one reads and decodes the stored data (with much data, each of those gets a task
/// of its own), the next plans it, and the next ones draw the first screen. Between them the
/// browser can handle input and paint, so none of them is a long task.
pub fn mount(element: web_sys::Element, options_from: &web_sys::Element) {
    let mut props = props_from(options_from);
    mark("afterview-mount");
    crate::services::styles::register_root(&element);
    let store = Store::new(&props.namespace);
    next_task(move || {
        let reading = store.read();
        mark("afterview-read");
        // Little data is decoded in this task; more gets a task of its own.
        let split = reading.text_len() >= ONE_TASK_BELOW_BYTES;
        step(split, move || {
            let provisional = clock::now(&Default::default());
            match reading.outcome_at_hand() {
                Some(outcome) => {
                    props.opened = Preopened::new(store.decode(reading, provisional, outcome));
                    plan_and_draw(element, props);
                }
                // Older, newer or damaged text: its reader comes with the reducer's chunk,
                // fetched first (once per upgrade: the upgraded data is written back).
                None => wasm_bindgen_futures::spawn_local(async move {
                    let opened = match crate::state::kit().await {
                        Ok(kit) => {
                            let outcome = (kit.load)(reading.raw());
                            store.decode(reading, provisional, outcome)
                        }
                        Err(()) => Store::without_reader(),
                    };
                    props.opened = Preopened::new(opened);
                    plan_and_draw(element, props);
                }),
            }
        });
    });
}

/// The rest of [`mount`] once the stored data is decoded: plans it, then draws. Planning has a
/// task of its own: the first plan of a page also compiles the planner (the browser compiles
/// each wasm function the first time it runs).
fn plan_and_draw(element: web_sys::Element, props: AppProps) {
    mark("afterview-decoded");
    // A first visit shows the welcome, which is a chunk of its own: fetch it while the rest of
    // the start-up runs.
    if props.opened.first_visit() {
        crate::components::lazy::preload(Part::Onboarding);
    }
    next_task(move || {
        props.opened.plan_ahead();
        mark("afterview-planned");
        next_task(move || {
            element.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(element, props).render();
        });
    });
}

/// Stored text shorter than this (about 100 processes) is read and decoded in one task, well
/// under 50 ms; longer text gets a task per step, so that none of them is long.
const ONE_TASK_BELOW_BYTES: usize = 250_000;

/// Runs `then` in a task of its own when `split`, else now.
fn step(split: bool, then: impl FnOnce() + 'static) {
    if split {
        next_task(then);
    } else {
        then();
    }
}

/// How long after the first screen the device zone's name is asked for.
const LEARN_DEVICE_ZONE_AFTER_MS: u32 = 1_000;

thread_local! {
    static READY_MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Once the first useful screen is drawn (Today, or on a first visit the welcome), once per
/// page: marks it ("afterview-ready") and starts what comes after it in a task of its own, so
/// that nothing competes with the first screen.
pub fn first_screen_shown() {
    if READY_MARKED.with(|marked| marked.replace(true)) {
        return;
    }
    mark("afterview-ready");
    next_task(start_what_follows);
}

/// What follows the first screen: the reducer's chunk, a row's details, the device zone's name
/// and the other views.
fn start_what_follows() {
    // Nothing changes until the person acts, but then the reducer must be here; and a row's
    // details are one tap away.
    fetch_reducer();
    crate::components::lazy::preload(Part::ActionDetails);
    // The device zone's name is only shown (Settings and the interview form ask for it
    // themselves), never needed for the first screen; asking `Intl` for it costs tens of
    // milliseconds, so it waits until the page is idle. Plans made after it read the device
    // zone from a table instead of asking the platform clock date by date.
    Timeout::new(LEARN_DEVICE_ZONE_AFTER_MS, || {
        with_kit(Waiter::Nobody, |kit| (kit.learn_device_zone)());
    })
    .forget();
    crate::components::lazy::preload_later();
}

/// A named point on the page's performance timeline, so a benchmark can say where start-up
/// time goes.
pub(crate) fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `then` in a new task (a promise's callback would run in the current one). Where the
/// browser has `scheduler.postTask`, the task is "user-blocking": it runs ahead of the page's
/// other queued work, so start-up's steps follow one another without waiting behind it;
/// elsewhere a timeout.
fn next_task(then: impl FnOnce() + 'static) {
    let task = wasm_bindgen::closure::Closure::once_into_js(then);
    let posted = (|| {
        let get = |from: &wasm_bindgen::JsValue, name: &str| {
            js_sys::Reflect::get(from, &wasm_bindgen::JsValue::from_str(name)).ok()
        };
        let scheduler = get(&js_sys::global(), "scheduler").filter(|found| found.is_object())?;
        let post_task: js_sys::Function = get(&scheduler, "postTask")?.dyn_into().ok()?;
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"priority".into(), &"user-blocking".into()).ok()?;
        post_task.call2(&scheduler, &task, &options).ok()
    })();
    if posted.is_none() {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
    }
}

/// Mounts the app on the page's `#afterview` element, if the page has one (the embed loader
/// mounts widgets itself).
pub fn start() {
    if let Some(element) = gloo::utils::document().get_element_by_id("afterview") {
        mount(element.clone(), &element);
    }
}
