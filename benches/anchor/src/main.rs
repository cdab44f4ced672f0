//! Benchmark anchor: reads Afterview's stored processes from localStorage and renders one row
//! per process (company, role, status, a checkbox and a button, like a to-do list item), then
//! marks "afterview-ready" exactly where the app does (the root's first effect).
use serde::Deserialize;
use yew::prelude::*;

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
fn Anchor() -> Html {
    let processes = use_state(stored_processes);
    let done = use_state(Vec::<u64>::new);
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
            let _ = performance.mark("afterview-ready");
        }
    });
    let rows = processes.iter().map(|process| {
        let id = process.id;
        let checked = done.contains(&id);
        let toggle = {
            let done = done.clone();
            Callback::from(move |_: Event| {
                let mut next = (*done).clone();
                if let Some(at) = next.iter().position(|&other| other == id) {
                    next.remove(at);
                } else {
                    next.push(id);
                }
                done.set(next);
            })
        };
        let remove = {
            let processes = processes.clone();
            Callback::from(move |_: MouseEvent| {
                processes.set(
                    processes
                        .iter()
                        .filter(|other| other.id != id)
                        .cloned()
                        .collect(),
                );
            })
        };
        html! {
            <li key={id} class={classes!(checked.then_some("done"))}>
                <div class="row">
                    <input type="checkbox" {checked} onchange={toggle} />
                    <label>{ format!("{} — {}", process.company, process.role) }</label>
                    <span class="status">{ process.status.clone() }</span>
                    <button type="button" onclick={remove}>{ "Remove" }</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="anchor">
            <header><h1>{ "Processes" }</h1></header>
            if processes.is_empty() {
                <p>{ "Nothing stored yet." }</p>
            } else {
                <ul>{ for rows }</ul>
            }
            <footer>{ format!("{} stored", processes.len()) }</footer>
        </section>
    }
}

fn main() {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("anchor"))
    {
        yew::Renderer::<Anchor>::with_root(root).render();
    }
}
