//! Afterview: plans the follow-up messages after job interviews and drafts them.
//!
//! [`core`] holds every rule and piece of text, free of web types. The browser layer
//! (`app`, `state`, `components`, `hooks`, `services`) exists only on wasm32 and asks the
//! core for every date it shows.

pub mod core;

/// Talc instead of the default dlmalloc: smaller in the first download and quicker to allocate
/// for a module that runs on one thread. Here rather than in the binary, so that the browser
/// tests and benchmarks run with the allocator that ships.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod services;
#[cfg(target_arch = "wasm32")]
pub mod state;
