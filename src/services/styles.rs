//! The views' stylesheet (`styles/views.css`): attached next to the first screen's sheet when a
//! view loaded on first use is about to be drawn, so that the first download carries only the
//! first screen's styles and no view is ever drawn unstyled.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// Where widgets are mounted: the page's document, or a widget's shadow root each.
    static ROOTS: RefCell<Vec<web_sys::Node>> = const { RefCell::new(Vec::new()) };
    /// Set once a view was loaded: a widget mounted later gets the sheet at once, since views
    /// already here draw without loading again.
    static ATTACH: Cell<Option<Attach>> = const { Cell::new(None) };
}

/// [`attach`], as a view's chunk hands it over: the code that attaches the sheet is not part of
/// the first download.
pub type Attach = fn() -> Pin<Box<dyn Future<Output = ()>>>;

/// Remembers `attach` (from a view's chunk) for widgets mounted later.
pub fn remember(attach: Attach) {
    ATTACH.set(Some(attach));
}

/// Marks the attached sheet, so that a root gets it once.
const VIEWS_MARK: &str = "data-av-views";

/// Notes the root `element` is mounted in (the views' sheet goes there too).
pub fn register_root(element: &web_sys::Element) {
    let root = element.get_root_node();
    let new = ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        let known = roots.iter().any(|known| known == &root);
        if !known {
            roots.push(root.clone());
        }
        !known
    });
    if let (true, Some(attach)) = (new, ATTACH.get()) {
        wasm_bindgen_futures::spawn_local(attach());
    }
}

/// Attaches the views' sheet to every root that lacks it and waits until each has loaded (or
/// failed: a view then draws with the first screen's styles rather than not at all). A root
/// that names no views' sheet (the single file, whose styles are all inline) needs nothing.
pub fn attach() -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(attach_view_styles())
}

async fn attach_view_styles() {
    let roots = ROOTS.with(|roots| roots.borrow().clone());
    for root in roots {
        if let Some(loaded) = attach_to(&root) {
            let _ = wasm_bindgen_futures::JsFuture::from(loaded).await;
        }
    }
}

/// `root.querySelector(selector)`, for a document and a shadow root alike.
fn query(root: &web_sys::Node, selector: &str) -> Option<web_sys::Element> {
    let query: Function = Reflect::get(root, &JsValue::from_str("querySelector"))
        .ok()?
        .dyn_into()
        .ok()?;
    query
        .call1(root, &JsValue::from_str(selector))
        .ok()?
        .dyn_into()
        .ok()
}

/// The promise of the views' sheet in `root` loading, if there is one to wait for.
fn attach_to(root: &web_sys::Node) -> Option<Promise> {
    if let Some(attached) = query(root, &format!("link[{VIEWS_MARK}]")) {
        return Some(load_of(&attached));
    }
    // The app page has the first screen's styles inline and names the views' sheet on them; the
    // embed links the first sheet, `afterview-<hash>.css`, and the views' is
    // `afterview-<hash>-views.css` (scripts/assemble.mjs).
    let (first, views) = match query(root, "style[data-av-views]") {
        Some(inline) => {
            let views = inline.get_attribute("data-av-views")?;
            (inline, views)
        }
        None => {
            let first = query(root, r#"link[rel="stylesheet"][href*="afterview-"]"#)?;
            let href = first.get_attribute("href")?;
            let views = href.strip_suffix(".css")?.to_string() + "-views.css";
            (first, views)
        }
    };
    let link = first.owner_document()?.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &views).ok()?;
    link.set_attribute(VIEWS_MARK, "").ok()?;
    let loaded = load_of(&link);
    first.after_with_node_1(&link).ok()?;
    Some(loaded)
}

/// Resolves once `link` has loaded or failed (at once if it already has).
fn load_of(link: &web_sys::Element) -> Promise {
    if link.get_attribute("data-av-done").is_some() {
        return Promise::resolve(&JsValue::UNDEFINED);
    }
    let link = link.clone();
    Promise::new(&mut move |resolve, _| {
        let done = {
            let link = link.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = link.set_attribute("data-av-done", "");
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
        };
        let on = |event: &str| {
            let add: Option<Function> = Reflect::get(&link, &JsValue::from_str("addEventListener"))
                .ok()
                .and_then(|add| add.dyn_into().ok());
            if let Some(add) = add {
                let _ = add.call2(&link, &JsValue::from_str(event), &done);
            }
        };
        on("load");
        on("error");
    })
}
