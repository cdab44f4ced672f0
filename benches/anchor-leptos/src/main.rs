//! Benchmark anchor (Leptos): the Leptos counterpart of benches/anchor. Reads Afterview's stored
//! processes from localStorage and renders one row per process (company, role, status, a
//! checkbox and a button, like a to-do list item), then marks "afterview-ready" where the Yew
//! anchor does (the root's first effect, which runs once the first render is in the DOM).
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsCast;

/// The stored document, reduced to what a row shows (serde skips every other field).
#[derive(Deserialize, Default)]
struct Stored {
    #[serde(default)]
    data: Data,
}

#[derive(Deserialize, Default)]
struct Data {
    #[serde(default)]
    processes: Vec<Process>,
}

#[derive(Deserialize, Clone, PartialEq)]
struct Process {
    id: u64,
    company: String,
    role: String,
    status: String,
}

fn stored_processes() -> Vec<Process> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item("afterview:data").ok().flatten())
        .and_then(|text| serde_json::from_str::<Stored>(&text).ok())
        .map(|stored| stored.data.processes)
        .unwrap_or_default()
}

#[component]
fn Anchor() -> impl IntoView {
    let (processes, set_processes) = signal(stored_processes());
    let (done, set_done) = signal(Vec::<u64>::new());
    Effect::new(|_| {
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark("afterview-ready");
        }
    });
    let row = move |process: Process| {
        let id = process.id;
        let checked = move || done.with(|done| done.contains(&id));
        let toggle = move |_| {
            set_done.update(|done| {
                if let Some(at) = done.iter().position(|&other| other == id) {
                    done.remove(at);
                } else {
                    done.push(id);
                }
            })
        };
        let remove =
            move |_| set_processes.update(|processes| processes.retain(|other| other.id != id));
        view! {
            <li class:done=checked>
                <div class="row">
                    <input type="checkbox" prop:checked=checked on:change=toggle />
                    <label>{format!("{} — {}", process.company, process.role)}</label>
                    <span class="status">{process.status}</span>
                    <button type="button" on:click=remove>"Remove"</button>
                </div>
            </li>
        }
    };
    view! {
        <section class="anchor">
            <header><h1>"Processes"</h1></header>
            <Show
                when=move || processes.with(|processes| !processes.is_empty())
                fallback=|| view! { <p>"Nothing stored yet."</p> }
            >
                <ul>
                    <For each=move || processes.get() key=|process| process.id children=row />
                </ul>
            </Show>
            <footer>{move || format!("{} stored", processes.with(Vec::len))}</footer>
        </section>
    }
}

fn main() {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("anchor"))
    {
        leptos::mount::mount_to(root.unchecked_into(), Anchor).forget();
    }
}
