//! The browser side of the app state: Yew's [`Reducible`] over the web-free reducer in
//! [`crate::core::app::state`], where every message is applied and tested natively.
//!
//! The reducer, and everything only it reaches (edits, forms, merges, backups), is a wasm chunk
//! of its own: the first screen only reads and plans, and nothing changes until the person
//! acts. The chunk is fetched right after the first screen; [`dispatch`] holds any message sent
//! before it arrives and applies them all, in order, once it has. The chunk also holds the
//! stored format's writer ([`Kit`]): nothing is written before something changed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, FixedOffset};
use yew::{Reducible, UseReducerHandle};

pub use crate::core::app::state::*;
use crate::core::data::storage::{AppData, LoadOutcome};

/// The reducer, as the chunk hands it over.
type Reduce = fn(&mut AppState, Msg) -> bool;

/// What the reducer's chunk hands over: the reducer, and what is only needed after the first
/// screen (writers, the general reader, file downloads, the reminders' permission prompt, the
/// device zone's name).
#[derive(Clone, Copy)]
pub struct Kit {
    pub reduce: Reduce,
    /// The stored format, as saved in `localStorage`.
    pub encode: fn(&AppData, DateTime<FixedOffset>) -> String,
    /// A backup file's text (the data's last export is set to `now` first).
    pub export_backup: fn(&mut AppData, DateTime<FixedOffset>) -> String,
    /// The general reader of stored text: older formats (migrated), newer ones (read-only) and
    /// damaged text, which start-up's fast path leaves to it.
    pub load: fn(Option<&str>) -> LoadOutcome,
    /// Offers a text file for download (name, type, contents); an error is a sentence.
    pub download: fn(&str, &str, &str) -> Result<(), String>,
    /// Asks for permission to send reminders and says how it went.
    pub ask_reminders: fn(yew::Callback<crate::services::reminders::Status>),
    /// Asks the browser for the device zone's name (once per page).
    pub learn_device_zone: fn(),
}

const KIT: Kit = Kit {
    reduce: AppState::reduce,
    encode: crate::core::data::storage::encode,
    export_backup: crate::core::data::backup::export_backup,
    load: crate::core::data::storage::load,
    download: crate::services::files::download,
    ask_reminders: crate::services::reminders::ask,
    learn_device_zone: crate::services::intl_zone::learn_device_zone,
};

/// Something waiting for the [`Kit`].
type OnKit = Box<dyn FnOnce(Kit)>;

/// Whether a person waits for what is queued: only then does the app say it is coming.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiter {
    Person,
    /// Work the person did not ask for (writing upgraded data back): never announced.
    Nobody,
}

/// Told whenever the [`ReducerStatus`] changes.
type StatusWatcher = Rc<dyn Fn(ReducerStatus)>;

/// Where fetching the reducer stands, for the note [`crate::app::App`] shows while it waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReducerStatus {
    /// Here (or not needed yet).
    Ready,
    /// A message is waiting for it.
    Waiting,
    /// It could not be fetched; the messages still wait for a retry.
    Failed,
}

/// The kit when it is part of the main module (builds without the `split` feature).
#[cfg(feature = "split")]
const BUILT_IN: Option<Kit> = None;
#[cfg(not(feature = "split"))]
const BUILT_IN: Option<Kit> = Some(KIT);

thread_local! {
    static LOADED: Cell<Option<Kit>> = const { Cell::new(BUILT_IN) };
    static FETCHING: Cell<bool> = const { Cell::new(false) };
    /// Messages sent before the reducer arrived, in the order they were sent.
    static WAITING: RefCell<Vec<(UseReducerHandle<AppState>, Msg)>> =
        const { RefCell::new(Vec::new()) };
    /// Work waiting for the kit, in the order it was asked for.
    static ON_KIT: RefCell<Vec<(Waiter, OnKit)>> = const { RefCell::new(Vec::new()) };
    /// Told whenever the status changes (set by the app).
    static ON_STATUS: RefCell<Option<StatusWatcher>> = const { RefCell::new(None) };
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(reducer, fallible)]
fn fetch_kit() -> Result<Kit, wasm_split_helpers::SplitLoaderError> {
    Ok(KIT)
}

/// Without the `split` feature (tests, debug builds) the kit is [`BUILT_IN`]: never fetched.
#[cfg(not(feature = "split"))]
async fn fetch_kit() -> Result<Kit, ()> {
    Ok(KIT)
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        // `dispatch` only hands messages to Yew once the reducer is here.
        let Some(kit) = LOADED.get() else {
            return self;
        };
        let mut next = (*self).clone();
        if (kit.reduce)(&mut next, msg) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Applies `msg` to the app's state: at once when the reducer is here, else as soon as it
/// arrives (after any message sent before it).
pub fn dispatch(state: &UseReducerHandle<AppState>, msg: Msg) {
    if LOADED.get().is_some() && WAITING.with(|waiting| waiting.borrow().is_empty()) {
        state.dispatch(msg);
        return;
    }
    // The clock's tick and the end of a spoken announcement come again or do not matter: they
    // never wait (nor make a message appear), the person's own changes do.
    if !matches!(msg, Msg::Tick(_) | Msg::ClearAnnouncement) {
        WAITING.with(|waiting| waiting.borrow_mut().push((state.clone(), msg)));
    }
    fetch_reducer();
}

/// Runs `then` with the [`Kit`]: now when it is here, else once it arrives (before any waiting
/// message is applied, so in the order things were asked for).
pub fn with_kit(waiter: Waiter, then: impl FnOnce(Kit) + 'static) {
    if let Some(kit) = LOADED.get() {
        then(kit);
        return;
    }
    ON_KIT.with(|on_kit| on_kit.borrow_mut().push((waiter, Box::new(then))));
    fetch_reducer();
}

/// The kit if it is here.
pub fn loaded_kit() -> Option<Kit> {
    LOADED.get()
}

/// The kit, fetched now if need be: for start-up, when stored text needs the general reader
/// before anything can be drawn.
pub async fn kit() -> Result<Kit, ()> {
    if let Some(kit) = LOADED.get() {
        return Ok(kit);
    }
    let kit = fetch_kit().await.map_err(|_| ())?;
    LOADED.set(Some(kit));
    Ok(kit)
}

/// Whether a person waits for the chunk: a message of theirs, or work they asked for.
fn someone_waits() -> bool {
    WAITING.with(|waiting| !waiting.borrow().is_empty())
        || ON_KIT.with(|on_kit| {
            on_kit
                .borrow()
                .iter()
                .any(|(waiter, _)| *waiter == Waiter::Person)
        })
}

/// Fetches the reducer's chunk unless it is here or on its way; then runs the work waiting for
/// it and applies every waiting message, in order. On failure they keep waiting, and the next
/// call tries again.
pub fn fetch_reducer() {
    if LOADED.get().is_some() || FETCHING.replace(true) {
        return;
    }
    if someone_waits() {
        tell(ReducerStatus::Waiting);
    }
    wasm_bindgen_futures::spawn_local(async {
        let fetched = fetch_kit().await;
        FETCHING.set(false);
        match fetched {
            Ok(kit) => {
                LOADED.set(Some(kit));
                let work = ON_KIT.with(|on_kit| std::mem::take(&mut *on_kit.borrow_mut()));
                for (_, then) in work {
                    then(kit);
                }
                let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
                for (state, msg) in waiting {
                    state.dispatch(msg);
                }
                tell(ReducerStatus::Ready);
            }
            Err(_) => {
                let waiting = someone_waits();
                tell(if waiting {
                    ReducerStatus::Failed
                } else {
                    ReducerStatus::Ready
                });
            }
        }
    });
}

/// Has `on_status` told of every change of [`ReducerStatus`] from now on.
pub fn watch_reducer(on_status: impl Fn(ReducerStatus) + 'static) {
    ON_STATUS.with(|slot| *slot.borrow_mut() = Some(Rc::new(on_status)));
}

fn tell(status: ReducerStatus) {
    if let Some(on_status) = ON_STATUS.with(|slot| slot.borrow().clone()) {
        on_status(status);
    }
}
