//! localStorage adapter: reads and writes the versioned envelope under one namespaced key,
//! and turns every browser failure (blocked, full, unreadable, newer) into a status the UI
//! shows, never into lost data.

use chrono::{DateTime, FixedOffset};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::app::state::StorageStatus;
use crate::core::data::storage::{
    self, data_key, is_quarantine_key, unused_quarantine_key, AppData, LoadOutcome,
};
use crate::state::{loaded_kit, with_kit, Waiter};

/// What opening the store found.
pub struct Opened {
    pub data: AppData,
    pub status: StorageStatus,
    /// Unreadable text that was set aside: (key, text), offered as a download.
    pub quarantined: Option<(String, String)>,
    /// A sentence for the user about what happened while opening, if anything did.
    pub notice: Option<String>,
}

/// The stored text as [`Store::read`] found it, waiting for [`Store::decode`].
pub enum Reading {
    /// Storage could not be read at all, for this reason.
    Failed(String),
    Read {
        storage: web_sys::Storage,
        /// The value exactly as the browser holds it (see [`raw_item`]).
        item: JsValue,
        /// The same value as Rust text; `None` when nothing is stored.
        raw: Option<String>,
    },
}

impl Reading {
    /// The stored text, if there is any.
    pub fn raw(&self) -> Option<&str> {
        match self {
            Reading::Read { raw, .. } => raw.as_deref(),
            Reading::Failed(_) => None,
        }
    }

    /// What the stored text holds, if that can be told without fetching anything: on the
    /// fast path, or with the general reader once its chunk is here.
    pub fn outcome_at_hand(&self) -> Option<LoadOutcome> {
        storage::load_current(self.raw()).or_else(|| loaded_kit().map(|kit| (kit.load)(self.raw())))
    }

    /// The length of the stored text in bytes (0 when nothing could be read).
    pub fn text_len(&self) -> usize {
        match self {
            Reading::Read { raw: Some(raw), .. } => raw.len(),
            _ => 0,
        }
    }
}

/// The app's storage under one namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    namespace: String,
}

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage here".into()),
        Err(_) => Err("the browser blocks storage on this page".into()),
    }
}

fn is_quota_error(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .is_some_and(|name| name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED")
}

/// The value under `key` exactly as the browser holds it. A JavaScript string may hold a lone
/// surrogate (text cut inside an emoji), which turning it into a Rust `String` would replace
/// with U+FFFD; kept as a `JsValue` it stays byte for byte what was stored.
fn raw_item(storage: &web_sys::Storage, key: &str) -> Result<JsValue, JsValue> {
    let get: js_sys::Function =
        js_sys::Reflect::get(storage, &JsValue::from_str("getItem"))?.dyn_into()?;
    get.call1(storage, &JsValue::from_str(key))
}

/// A value read by [`raw_item`] as a Rust string (lone surrogates become U+FFFD), converted
/// by the browser's `TextEncoder` in one call. The generic conversion copies a string in a
/// JavaScript loop, one character at a time: slow for the whole stored data, and it leaves
/// that loop tuned for one long string, which then slows each of the many short strings the
/// first render passes. `None` for a value that is not a string (an absent key).
fn item_text(value: &JsValue) -> Option<String> {
    let text = value.dyn_ref::<js_sys::JsString>()?;
    let encoded = (|| {
        let get = |from: &JsValue, name: &str| js_sys::Reflect::get(from, &JsValue::from_str(name));
        let class: js_sys::Function = get(&js_sys::global(), "TextEncoder")?.dyn_into()?;
        let encoder = js_sys::Reflect::construct(&class, &js_sys::Array::new())?;
        let encode: js_sys::Function = get(&encoder, "encode")?.dyn_into()?;
        encode
            .call1(&encoder, text)?
            .dyn_into::<js_sys::Uint8Array>()
    })();
    match encoded.ok().map(|bytes| String::from_utf8(bytes.to_vec())) {
        Some(Ok(read)) => Some(read),
        _ => text.as_string(),
    }
}

/// Stores a value read by [`raw_item`] under `key` without decoding it.
fn set_raw_item(storage: &web_sys::Storage, key: &str, value: &JsValue) -> Result<(), JsValue> {
    let set: js_sys::Function =
        js_sys::Reflect::get(storage, &JsValue::from_str("setItem"))?.dyn_into()?;
    set.call2(storage, &JsValue::from_str(key), value)
        .map(|_| ())
}

/// The browser's own `String.prototype.isWellFormed` for `text` (no lone surrogate), or `None`
/// where the browser lacks it.
fn browser_says_well_formed(text: &js_sys::JsString) -> Option<bool> {
    // Looked up on `String.prototype`: the stored value is a primitive string, which
    // `Reflect.get` refuses.
    let get =
        |from: &JsValue, name: &str| js_sys::Reflect::get(from, &JsValue::from_str(name)).ok();
    let method = get(&js_sys::global(), "String")
        .and_then(|class| get(&class, "prototype"))
        .and_then(|prototype| get(&prototype, "isWellFormed"))
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())?;
    method.call0(text).ok()?.as_bool()
}

/// True when the stored value `item` is not well-formed UTF-16 (a lone surrogate), so reading
/// it into Rust changed some characters. `read` is the text as Rust received it.
fn is_damaged(item: &JsValue, read: Option<&str>) -> bool {
    let Some(text) = item.dyn_ref::<js_sys::JsString>() else {
        return false;
    };
    match browser_says_well_formed(text) {
        Some(well_formed) => !well_formed,
        // A lone surrogate reaches Rust as U+FFFD, so without one nothing was damaged; only
        // then is every code unit checked, at a call into JavaScript each.
        None => read.is_some_and(|read| read.contains('\u{FFFD}')) && !text.is_valid_utf16(),
    }
}

impl Store {
    pub fn new(namespace: &str) -> Self {
        Store {
            namespace: namespace.to_string(),
        }
    }

    /// The key holding the data (what the `storage` event reports).
    pub fn key(&self) -> String {
        data_key(&self.namespace)
    }

    /// Reads the stored data, handling every failure without writing over anything unread.
    pub fn open(&self, now: DateTime<FixedOffset>) -> Opened {
        let reading = self.read();
        match reading.outcome_at_hand() {
            Some(outcome) => self.decode(reading, now, outcome),
            None => Self::without_reader(),
        }
    }

    /// What opens when the stored text needs the general reader and its chunk could not be
    /// fetched: nothing shown, and nothing written over what is stored.
    pub fn without_reader() -> Opened {
        Opened {
            data: AppData::default(),
            status: StorageStatus::InMemory {
                why: "the saved data is in another format, and the part of Afterview that reads it could not be fetched; reload once online to see it".into(),
            },
            quarantined: None,
            notice: None,
        }
    }

    /// The first half of [`Store::open`]: the stored text, read but not decoded, so that with
    /// much data reading and decoding can run in tasks of their own.
    pub fn read(&self) -> Reading {
        let storage = match local_storage() {
            Ok(storage) => storage,
            Err(why) => return Reading::Failed(why),
        };
        match raw_item(&storage, &self.key()) {
            Ok(item) => {
                let raw = item_text(&item);
                Reading::Read { storage, item, raw }
            }
            Err(_) => Reading::Failed("the browser refused to read storage".to_string()),
        }
    }

    /// The second half of [`Store::open`]: acts on what [`Store::read`] found, as `outcome`
    /// (from [`storage::load_current`] or the general reader) makes of its text.
    pub fn decode(
        &self,
        reading: Reading,
        now: DateTime<FixedOffset>,
        outcome: LoadOutcome,
    ) -> Opened {
        let fresh = |status, notice: Option<String>| Opened {
            data: AppData::default(),
            status,
            quarantined: None,
            notice,
        };
        let (storage, item, raw) = match reading {
            Reading::Failed(why) => return fresh(StorageStatus::InMemory { why }, None),
            Reading::Read { storage, item, raw } => (storage, item, raw),
        };
        match outcome {
            LoadOutcome::Empty => fresh(StorageStatus::Saving, None),
            LoadOutcome::Loaded(data) if !is_damaged(&item, raw.as_deref()) => Opened {
                data,
                status: StorageStatus::Saving,
                quarantined: None,
                notice: None,
            },
            LoadOutcome::Loaded(data) => {
                // Readable, but some characters could only be read as U+FFFD: keep the exact
                // original before any save replaces it.
                let kept = self.keep_aside(&storage, now);
                let status = match kept {
                    Some(_) => StorageStatus::Saving,
                    None => StorageStatus::InMemory {
                        why: "damaged characters in the stored data could not be set aside".into(),
                    },
                };
                Opened {
                    data,
                    status,
                    quarantined: kept.zip(raw),
                    notice: Some(
                        "Some characters in your saved data were damaged and could not be read; an exact copy of the data was kept aside."
                            .into(),
                    ),
                }
            }
            LoadOutcome::Migrated { data, from_version } => {
                // Damaged characters: the exact original goes aside before the upgrade is
                // written over it, and nothing is written if that fails.
                let kept = if is_damaged(&item, raw.as_deref()) {
                    match self.keep_aside(&storage, now) {
                        Some(key) => Some(key),
                        None => return Opened {
                            data,
                            status: StorageStatus::InMemory {
                                why: "damaged characters in the stored data could not be set aside"
                                    .into(),
                            },
                            quarantined: None,
                            notice: None,
                        },
                    }
                } else {
                    None
                };
                // Written back once the writer's chunk is here (right after the first screen;
                // nothing else is written before). Until then the old format stays stored and
                // reads the same; if writing fails, the next save says why.
                let (store, upgraded) = (self.clone(), data.clone());
                with_kit(Waiter::Nobody, move |kit| {
                    let _ = store.save_text(&(kit.encode)(&upgraded, now));
                });
                let status = StorageStatus::Saving;
                Opened {
                    data,
                    status,
                    quarantined: kept.zip(raw),
                    notice: Some(format!(
                        "Your saved data was upgraded from format version {from_version}."
                    )),
                }
            }
            LoadOutcome::Unreadable { raw, error } => {
                let kept = self.keep_aside(&storage, now);
                let status = if kept.is_some() {
                    StorageStatus::Saving
                } else {
                    // Could not copy it aside: never write over the only copy.
                    StorageStatus::InMemory {
                        why: "the stored data could not be read nor set aside".into(),
                    }
                };
                Opened {
                    data: AppData::default(),
                    status,
                    quarantined: Some((
                        kept.unwrap_or_else(|| storage::quarantine_key(&self.namespace, now)),
                        raw,
                    )),
                    notice: Some(format!(
                        "Saved data could not be read ({error}). It was kept aside untouched; download it below."
                    )),
                }
            }
            LoadOutcome::TooNew { found, data } => Opened {
                data: data.unwrap_or_default(),
                status: StorageStatus::ReadOnly { found },
                quarantined: None,
                notice: None,
            },
        }
    }

    /// Copies the stored data, exactly as the browser holds it, to a quarantine key, once per
    /// distinct content: a copy already holding the same text is reused, and a new copy goes
    /// under a key that is checked to be free. Returns the key, or `None` when it failed.
    fn keep_aside(&self, storage: &web_sys::Storage, now: DateTime<FixedOffset>) -> Option<String> {
        let original = raw_item(storage, &self.key()).ok()?;
        if original.is_null() {
            return None;
        }
        let count = storage.length().ok()?;
        for index in 0..count {
            let Ok(Some(key)) = storage.key(index) else {
                continue;
            };
            // JsValue equality is JavaScript's ===: exact, lone surrogates included.
            if is_quarantine_key(&self.namespace, &key)
                && raw_item(storage, &key).is_ok_and(|copy| copy == original)
            {
                return Some(key);
            }
        }
        let key = unused_quarantine_key(&self.namespace, now, |key| {
            !matches!(storage.get_item(key), Ok(None))
        });
        set_raw_item(storage, &key, &original).ok()?;
        Some(key)
    }

    /// Writes the data, as [`crate::core::data::storage::encode`] wrote it. On failure the
    /// status says why; the caller keeps the data in memory.
    pub fn save_text(&self, text: &str) -> Result<(), StorageStatus> {
        let storage = local_storage().map_err(|why| StorageStatus::InMemory { why })?;
        storage.set_item(&self.key(), text).map_err(|error| {
            if is_quota_error(&error) {
                StorageStatus::Full
            } else {
                StorageStatus::InMemory {
                    why: "the browser refused to save".into(),
                }
            }
        })
    }

    /// Reads another tab's save (for merging after a `storage` event) with `load`, the general
    /// reader: the other tab may run another version.
    pub fn read_other(
        load: fn(Option<&str>) -> LoadOutcome,
        new_value: Option<String>,
    ) -> Option<AppData> {
        match load(new_value.as_deref()) {
            LoadOutcome::Loaded(data) | LoadOutcome::Migrated { data, .. } => Some(data),
            _ => None,
        }
    }

    /// Asks the browser not to evict this origin's storage under pressure.
    pub async fn request_persistence() -> Result<bool, String> {
        let window = web_sys::window().ok_or("No browser window.")?;
        let manager = window.navigator().storage();
        let promise = manager
            .persist()
            .map_err(|_| "This browser cannot be asked to keep data.".to_string())?;
        let granted = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|_| "The browser did not answer.".to_string())?;
        Ok(granted.as_bool().unwrap_or(false))
    }
}
