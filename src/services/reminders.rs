//! Reminders while the page is open: browser notifications the user turned on (asked in
//! context, never at load) and the app badge with today's count. Nothing leaves the device.
//!
//! The Notification and Badging APIs are reached through `js_sys::Reflect`, so a browser
//! without them simply reports `Unsupported` and the badge call is skipped.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::Callback;

/// The user's choice, remembered in this browser only.
const FLAG_KEY: &str = "afterview:reminders";

/// Where notifications stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No Notification API here.
    Unsupported,
    /// Not asked yet (or turned off): the offer may be shown.
    CanAsk,
    /// Permission granted and the user turned reminders on.
    On,
    /// The browser or the user blocked notifications for this site.
    Blocked,
}

fn notification_class() -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("Notification"))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn permission() -> Option<String> {
    let class = notification_class()?;
    Reflect::get(&class, &JsValue::from_str("permission"))
        .ok()?
        .as_string()
}

fn flag_on() -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(FLAG_KEY).ok().flatten())
        .is_some_and(|value| value == "on")
}

fn set_flag(on: bool) {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        // A blocked or full storage only means the choice is not remembered.
        let _ = storage.set_item(FLAG_KEY, if on { "on" } else { "off" });
    }
}

/// The current status (cheap; read on render).
pub fn status() -> Status {
    match permission().as_deref() {
        None => Status::Unsupported,
        Some("denied") => Status::Blocked,
        Some("granted") if flag_on() => Status::On,
        Some(_) => Status::CanAsk,
    }
}

/// Asks for permission (only ever from a click) and reports the outcome.
pub fn ask(done: Callback<Status>) {
    let Some(class) = notification_class() else {
        done.emit(Status::Unsupported);
        return;
    };
    let request = Reflect::get(&class, &JsValue::from_str("requestPermission"))
        .ok()
        .and_then(|value| value.dyn_into::<Function>().ok());
    let Some(request) = request else {
        done.emit(Status::Unsupported);
        return;
    };
    let promise = request
        .call0(&class)
        .ok()
        .and_then(|value| value.dyn_into::<Promise>().ok());
    spawn_local(async move {
        let answer = match promise {
            Some(promise) => JsFuture::from(promise).await.ok(),
            None => None,
        };
        let granted = answer.and_then(|value| value.as_string()).as_deref() == Some("granted")
            || permission().as_deref() == Some("granted");
        set_flag(granted);
        done.emit(status());
    });
}

/// Turns reminders off for this browser (permission stays as the user set it).
pub fn turn_off() {
    set_flag(false);
}

/// Shows one notification when reminders are on; silently nothing otherwise.
pub fn notify(title: &str, body: &str) {
    if status() != Status::On {
        return;
    }
    let Some(class) = notification_class() else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("body"),
        &JsValue::from_str(body),
    );
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("tag"),
        &JsValue::from_str("afterview-due"),
    );
    let args = js_sys::Array::of2(&JsValue::from_str(title), &options);
    // A constructor error (some mobile browsers only allow service-worker notifications)
    // leaves the badge and the page as the reminder.
    let _ = Reflect::construct(&class, &args);
}

/// Shows `count` on the app icon where the Badging API exists; clears it at zero.
pub fn set_badge(count: usize) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let name = if count > 0 {
        "setAppBadge"
    } else {
        "clearAppBadge"
    };
    let Some(method) = Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.dyn_into::<Function>().ok())
    else {
        return;
    };
    let result = if count > 0 {
        method.call1(&navigator, &JsValue::from_f64(count as f64))
    } else {
        method.call0(&navigator)
    };
    if let Ok(promise) = result.and_then(|value| value.dyn_into::<Promise>()) {
        // Not installed as an app: the browser may refuse; nothing to tell the user.
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}
